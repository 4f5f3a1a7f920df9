package dev.mobjectsync.simulator;

import java.util.HashSet;
import java.util.Set;

/**
 * A write call in flight, from its arrival until its answer is produced (the injected latency
 * included): the keys of the objects it touches, whether another call in flight touched one of them
 * when it arrived, and the first object id not yet assigned when it arrived (an object with a higher
 * id was created by a call concurrent with this one). Close it when the answer is produced.
 */
public final class InFlight implements AutoCloseable {

    private final FlightBoard board;
    private final Set<String> keys;
    private final boolean overlapping;
    final int firstNewId;
    /** The Opportunities this call created (guarded by the state). */
    final Set<Integer> created = new HashSet<>();
    private boolean closed;

    InFlight(FlightBoard board, Set<String> keys, boolean overlapping, int firstNewId) {
        this.board = board;
        this.keys = keys;
        this.overlapping = overlapping;
        this.firstNewId = firstNewId;
    }

    /** The keys of the objects this call touches ({@code Opportunity#1001}, {@code Opportunity/ExtOpptyId=K}, …). */
    public Set<String> keys() {
        return keys;
    }

    /** True when another call in flight touched one of this call's objects when this call arrived. */
    public boolean overlapping() {
        return overlapping;
    }

    /** This call's objects are no longer touched by it. Idempotent. */
    @Override
    public void close() {
        synchronized (board) {
            if (closed) {
                return;
            }
            closed = true;
            board.leave(keys);
        }
    }
}
