package dev.mobjectsync.sending;

import java.util.function.Consumer;

/**
 * One file on its way: how many of its units the sending stage still holds, and what to do once none is
 * left and the file has no more (complete the file's exchange, so that it moves to .done/).
 */
final class FileDelivery {

    private int pending;
    private Throwable firstFailure;
    private Consumer<Throwable> whenEnded;

    synchronized void unitHeld() {
        pending++;
    }

    /** A unit's records are all in a channel or kept in the repository (null), or were lost to this run (why). */
    void unitEnded(Throwable failure) {
        Consumer<Throwable> then;
        synchronized (this) {
            if (failure != null && firstFailure == null) {
                firstFailure = failure;
            }
            pending--;
            then = pending == 0 ? whenEnded : null;
            if (then != null) {
                whenEnded = null;
            }
        }
        if (then != null) {
            then.accept(firstFailure);
        }
    }

    /** The file has no more units: {@code then} hears once, when the last one has ended, with the first failure. */
    void whenAllEnded(Consumer<Throwable> then) {
        Throwable now;
        synchronized (this) {
            if (pending > 0) {
                whenEnded = then;
                return;
            }
            now = firstFailure;
        }
        then.accept(now);
    }
}
