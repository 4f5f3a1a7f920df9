package dev.mobjectsync.model;

/**
 * What the pipeline's inner stages count, as the metrics see it: the narrow side of the metrics that
 * reading and retrying need, so that neither depends on how or where the figures are kept (the ops
 * package implements it with Micrometer).
 */
public interface SyncCounters {

    /** One record came in from a source ({@code file}, {@code kafka}, {@code jms}). */
    void recordIn(String source);

    /** A failed call is tried again, for this fault code. */
    void retried(String code);
}
