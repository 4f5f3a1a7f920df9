package dev.mobjectsync.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid records of one source, in the order the source gave them, kept together in the batch
 * repository from the moment the source lets them go until every one of them has its outcome in a
 * channel. Records of any kind and any object share a chunk; the sending stage makes the calls.
 * Serializable so that the persistent aggregation repository can hold it.
 */
public class Chunk implements Serializable {

    /** Chunks in the order they were opened: how the previous run's chunks are taken back at start-up. */
    public static final Comparator<Chunk> BY_OPENING = Comparator.comparingLong((Chunk c) -> c.openedAt)
            .thenComparingLong(c -> c.serial);

    private static final AtomicLong SERIALS = new AtomicLong();

    private final List<SyncRecord> records = new ArrayList<>();
    private final long openedAt;
    private final long serial;

    private Chunk(long openedAt, long serial) {
        this.openedAt = openedAt;
        this.serial = serial;
    }

    public static Chunk of(List<SyncRecord> records) {
        Chunk chunk = new Chunk(System.currentTimeMillis(), SERIALS.incrementAndGet());
        chunk.records.addAll(records);
        return chunk;
    }

    /** The same chunk (same place in the opening order) holding only these of its records. */
    public Chunk keeping(List<SyncRecord> some) {
        Chunk chunk = new Chunk(openedAt, serial);
        chunk.records.addAll(some);
        return chunk;
    }

    public void addAll(List<SyncRecord> more) {
        records.addAll(more);
    }

    public List<SyncRecord> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }
}
