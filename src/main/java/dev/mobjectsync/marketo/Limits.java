package dev.mobjectsync.marketo;

import java.time.Duration;

import dev.mobjectsync.config.SyncConfig;

/**
 * Marketo's limits as this application (all its replicas together) keeps them: {@code limits.*} times
 * {@code limits.share}, the part of the instance's limits left to this group (Marketo counts calls per
 * instance, for every integration of it). Each count is rounded down, and is at least 1.
 */
public record Limits(int maxConcurrent, int callsPerWindow, Duration window, int dailyBudget,
        Duration quotaProbeInterval) {

    /**
     * Marketo counts a call when it receives it, between our start and our end of the call; a little more
     * than a window after the end keeps clocks and networks from making two windows overlap.
     */
    static final Duration MARGIN = Duration.ofMillis(50);

    public static Limits of(SyncConfig.Limits configured) {
        double share = configured.share();
        return new Limits(part(configured.maxConcurrentCalls(), share), part(configured.callsPerWindow(), share),
                configured.window(), part(configured.dailyBudget(), share), configured.quotaProbeInterval());
    }

    /** How long after its end a call still counts in the window. */
    Duration countedWindow() {
        return window.plus(MARGIN);
    }

    private static int part(int whole, double share) {
        // a share such as 0.29 of 100 is 28.999999999999996 in binary: a nudge before rounding down
        return Math.max(1, (int) Math.floor(whole * share + 1e-9));
    }
}
