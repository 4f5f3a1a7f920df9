package dev.mobjectsync.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.model.Chunk;
import dev.mobjectsync.model.SyncRecord;

/**
 * A chunk held by the sending stage: how many of its records still wait for their outcome, and what to
 * do when none does (confirm the chunk in the repository) or when some never will in this run (leave
 * it unconfirmed, so that it is sent again after the restart).
 */
final class Ticket {

    final String chunkId;
    final Chunk chunk;
    /** Where its records' checkpoints go; null when none are kept. */
    final Checkpoints.Place place;
    /** The place of each record in the checkpoints: its index in the chunk, or its position in a file's unit. */
    private final int[] positions;
    private final boolean[] written;
    private int remaining;
    private boolean failed;
    private boolean ended;
    private final BiConsumer<Ticket, Throwable> end;

    Ticket(String chunkId, Chunk chunk, BiConsumer<Ticket, Throwable> end) {
        this(null, null, chunkId, chunk, end);
    }

    Ticket(Checkpoints.Place place, int[] positions, String chunkId, Chunk chunk, BiConsumer<Ticket, Throwable> end) {
        this.place = place;
        this.positions = positions;
        this.chunkId = chunkId;
        this.chunk = chunk;
        this.written = new boolean[chunk.size()];
        this.remaining = chunk.size();
        this.end = end;
    }

    /** The checkpoint index of the record at {@code index} of the chunk. */
    int position(int index) {
        return positions == null ? index : positions[index];
    }

    /** The record at {@code index} has its outcome in a channel, or could not get it; true when it was the last. */
    synchronized boolean recordDone(int index, boolean inChannel) {
        written[index] = inChannel;
        failed |= !inChannel;
        return --remaining == 0;
    }

    /** The records not yet in a channel, in the chunk's order; null when none was written yet (the chunk as it is). */
    synchronized Chunk notWritten() {
        List<SyncRecord> rest = new ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            if (!written[i]) {
                rest.add(chunk.records().get(i));
            }
        }
        return rest.size() == written.length ? null : chunk.keeping(rest);
    }

    /** Confirms the chunk, or leaves it for recovery when a record of it was not written. Once only. */
    void end(Throwable whyNotAll) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        end.accept(this, whyNotAll != null ? whyNotAll
                : failed ? new IllegalStateException("chunk " + chunkId + ": some records were not written") : null);
    }
}
