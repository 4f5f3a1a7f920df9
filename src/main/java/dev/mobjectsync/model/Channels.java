package dev.mobjectsync.model;

/** The two channels an outcome can go to, as the exchange property {@code Headers.CHANNEL} and the metrics name them. */
public final class Channels {

    public static final String SUCCESS = "success";
    public static final String DEAD_LETTER = "dead-letter";

    private Channels() {
    }
}
