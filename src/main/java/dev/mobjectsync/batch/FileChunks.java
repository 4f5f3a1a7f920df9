package dev.mobjectsync.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mobjectsync.record.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Gathers valid records into chunks: one open chunk per (operation, type), handed over when it is
 * full (as many records as the gateway takes in one call of that type, {@link BatchSizes}), when a
 * record names a Marketo object the chunk already holds, and for all open chunks at the end
 * ({@link #rest}). {@link FileUnits} chunks each unit of a file this way, so that the aggregator
 * writes its repository once per chunk instead of once per record, and full chunks skip it.
 */
@ApplicationScoped
public class FileChunks {

    private final BatchSizes sizes;

    @Inject
    public FileChunks(BatchSizes sizes) {
        this.sizes = sizes;
    }

    public FileChunks(int maxSize) {
        this(BatchSizes.fixed(maxSize));
    }

    /** Whether a chunk holds as many records as one call of its type takes. */
    public boolean full(Batch chunk) {
        return chunk.size() >= sizes.of(chunk.type());
    }

    /** The open chunks of one unit. */
    public static final class Open {
        private final Map<String, Batch> byKey = new LinkedHashMap<>();
    }

    public Open open() {
        return new Open();
    }

    /** Adds a valid record; answers the chunks that are ready to hand over (often none). */
    public List<Batch> add(SyncRecord record, Open open) {
        List<Batch> ready = new ArrayList<>(1);
        String key = record.batchKey();
        Batch chunk = open.byKey.get(key);
        if (chunk != null && chunk.holdsKeyOf(record)) {
            ready.add(open.byKey.remove(key));
            chunk = null;
        }
        if (chunk == null) {
            chunk = Batch.of(record);
            open.byKey.put(key, chunk);
        } else {
            chunk.add(record);
        }
        if (full(chunk)) {
            ready.add(open.byKey.remove(key));
        }
        return ready;
    }

    /** At the end of the file: every chunk still open. */
    public List<Batch> rest(Open open) {
        List<Batch> rest = new ArrayList<>(open.byKey.values());
        open.byKey.clear();
        return rest;
    }
}
