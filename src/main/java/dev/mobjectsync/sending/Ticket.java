package dev.mobjectsync.sending;

import java.util.function.Consumer;

/**
 * A chunk held by the sending stage: how many of its records still wait for their outcome, and what to
 * do when none does (confirm the chunk in the repository) or when some never will in this run (leave
 * it unconfirmed, so that it is sent again after the restart).
 */
final class Ticket {

    final String chunkId;
    private int remaining;
    private boolean failed;
    private boolean ended;
    private final Consumer<Throwable> end;

    Ticket(String chunkId, int records, Consumer<Throwable> end) {
        this.chunkId = chunkId;
        this.remaining = records;
        this.end = end;
    }

    /** One record has its outcome in a channel (or could not get it); true when that was the last one. */
    synchronized boolean recordDone(boolean written) {
        failed |= !written;
        return --remaining == 0;
    }

    /** Confirms the chunk, or leaves it for recovery when a record of it was not written. Once only. */
    void end(Throwable whyNotAll) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        end.accept(whyNotAll != null ? whyNotAll
                : failed ? new IllegalStateException("chunk " + chunkId + ": some records were not written") : null);
    }
}
