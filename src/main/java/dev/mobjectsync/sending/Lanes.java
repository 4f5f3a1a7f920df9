package dev.mobjectsync.sending;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import dev.mobjectsync.model.SyncRecord;

/**
 * The order the sending stage keeps, as plain data (not thread-safe: {@link SendingStage} guards it).
 * Every record held is queued, in arrival order, in the lane of each object it touches ({@link LaneKeys}).
 * A record is <em>ready</em> when it is at the head of every one of its lanes and not yet taken for a
 * call: every earlier record of its objects has its outcome, and no call in flight touches them. Calls
 * are made of ready records only, so they stay full of independent objects while the others wait, and a
 * record leaves its lanes only when its call has ended ({@link #finish}), which makes the next ones
 * ready.
 */
final class Lanes {

    /** One record held, with the chunk it came in. */
    static final class Entry {
        final long seq;
        /** The record's place in its chunk. */
        final int index;
        final SyncRecord record;
        final List<String> lanes;
        final Ticket ticket;
        boolean taken;
        long readySince;

        Entry(long seq, int index, SyncRecord record, List<String> lanes, Ticket ticket) {
            this.seq = seq;
            this.index = index;
            this.record = record;
            this.lanes = lanes;
            this.ticket = ticket;
        }
    }

    private final Map<String, ArrayDeque<Entry>> byLane = new HashMap<>();
    /** Ready records per batch key (operation:type), by arrival. */
    private final Map<String, TreeMap<Long, Entry>> ready = new HashMap<>();
    private long nextSeq;
    /** The time of the current add or finish, for the records it makes ready. */
    private long clock;
    private int held;
    private int readyCount;
    private int taken;

    /** Takes a call whatever its size: {@link #take(ToIntFunction, boolean, long, long)} with partial calls allowed. */
    List<Entry> take(ToIntFunction<String> sizeOfType) {
        return take(sizeOfType, true, 0, 0);
    }

    void add(SyncRecord record, Ticket ticket) {
        add(record, 0, ticket, 0);
    }

    /**
     * A record, the {@code index}-th of its chunk, at the end of its lanes; {@code now} (nanoseconds) is
     * when it becomes ready, if it does.
     */
    void add(SyncRecord record, int index, Ticket ticket, long now) {
        clock = now;
        Entry entry = new Entry(nextSeq++, index, record, LaneKeys.of(record), ticket);
        for (String lane : entry.lanes) {
            byLane.computeIfAbsent(lane, key -> new ArrayDeque<>()).addLast(entry);
        }
        held++;
        markIfReady(entry);
    }

    boolean hasReady() {
        return readyCount > 0;
    }

    /**
     * Nanoseconds until a call can be taken: 0 when a kind has a full call's worth of ready records, or
     * when {@code partialNow} and anything is ready; else when the oldest ready record will have waited
     * {@code linger}; {@link Long#MAX_VALUE} when nothing is ready.
     */
    long untilNextCall(ToIntFunction<String> sizeOfType, boolean partialNow, long linger, long now) {
        long until = Long.MAX_VALUE;
        for (TreeMap<Long, Entry> kind : ready.values()) {
            if (kind.isEmpty()) {
                continue;
            }
            Entry oldest = kind.firstEntry().getValue();
            if (partialNow || kind.size() >= sizeOfType.applyAsInt(oldest.record.type())) {
                return 0;
            }
            until = Math.min(until, Math.max(0, oldest.readySince + linger - now));
        }
        return until;
    }

    /**
     * Takes ready records for one call: of the first kind (operation, type), by its oldest ready record,
     * that has a full call's worth ready, or that may go partial ({@code partialNow}, or its oldest ready
     * record has waited {@code linger}); as many as {@code sizeOfType} allows, oldest first. Empty when no
     * kind may go.
     */
    List<Entry> take(ToIntFunction<String> sizeOfType, boolean partialNow, long linger, long now) {
        TreeMap<Long, Entry> oldestKind = null;
        for (TreeMap<Long, Entry> kind : ready.values()) {
            if (kind.isEmpty() || oldestKind != null && kind.firstKey() > oldestKind.firstKey()) {
                continue;
            }
            Entry oldest = kind.firstEntry().getValue();
            if (partialNow || kind.size() >= sizeOfType.applyAsInt(oldest.record.type())
                    || now - oldest.readySince >= linger) {
                oldestKind = kind;
            }
        }
        if (oldestKind == null) {
            return List.of();
        }
        int size = sizeOfType.applyAsInt(oldestKind.firstEntry().getValue().record.type());
        List<Entry> call = new ArrayList<>(Math.min(size, oldestKind.size()));
        while (call.size() < size && !oldestKind.isEmpty()) {
            Entry entry = oldestKind.pollFirstEntry().getValue();
            entry.taken = true;
            call.add(entry);
        }
        readyCount -= call.size();
        taken += call.size();
        return call;
    }

    /** The call of these records has ended: they leave their lanes, and the records behind them may be ready. */
    void finish(List<Entry> entries) {
        finish(entries, 0);
    }

    /** As {@link #finish(List)}; {@code now} (nanoseconds) is when the records behind become ready. */
    void finish(List<Entry> entries, long now) {
        clock = now;
        for (Entry entry : entries) {
            for (String lane : entry.lanes) {
                ArrayDeque<Entry> queue = byLane.get(lane);
                if (queue.peekFirst() != entry) {
                    throw new IllegalStateException("record " + entry.record.recordId() + " finished but not first in "
                            + lane);
                }
                queue.pollFirst();
                if (queue.isEmpty()) {
                    byLane.remove(lane);
                }
            }
            held--;
            taken--;
        }
        for (Entry entry : entries) {
            for (String lane : entry.lanes) {
                ArrayDeque<Entry> queue = byLane.get(lane);
                if (queue != null) {
                    markIfReady(queue.peekFirst());
                }
            }
        }
    }

    /** Records held: waiting, ready, or in a call. */
    int held() {
        return held;
    }

    /** Records held that are not in a call: waiting behind an earlier record of their object, or ready. */
    int waiting() {
        return held - taken;
    }

    private void markIfReady(Entry entry) {
        if (entry.taken) {
            return;
        }
        for (String lane : entry.lanes) {
            if (byLane.get(lane).peekFirst() != entry) {
                return;
            }
        }
        if (ready.computeIfAbsent(entry.record.batchKey(), key -> new TreeMap<>()).putIfAbsent(entry.seq,
                entry) == null) {
            entry.readySince = clock;
            readyCount++;
        }
    }
}
