package dev.mobjectsync.sending;

import java.util.Map;
import java.util.function.Consumer;

import dev.mobjectsync.batch.Checkpoints;

/**
 * One file on its way: its identity in the checkpoints and what earlier runs settled of its units, the
 * units read so far, how many of them the sending stage still holds, and what to do once none is left and
 * the file has no more (complete the file's exchange, so that it moves to .done/).
 */
final class FileDelivery {

    final String source;
    private final Map<Integer, Checkpoints.Left> left;
    private int units;
    private int pending;
    private Throwable firstFailure;
    private Consumer<Throwable> whenEnded;

    FileDelivery(String source, Map<Integer, Checkpoints.Left> left) {
        this.source = source;
        this.left = left;
    }

    /** The next unit read (numbered from 1; units are read one after the other). */
    synchronized int nextUnit() {
        return ++units;
    }

    /** What earlier runs settled of a unit (empty when nothing). */
    Checkpoints.Left left(int unit) {
        Checkpoints.Left settled = left.get(unit);
        return settled != null ? settled : new Checkpoints.Left();
    }

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
