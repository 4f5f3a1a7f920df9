package dev.mobjectsync.batch;

import dev.mobjectsync.config.MarketoApi;
import dev.mobjectsync.config.SyncConfig;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * How many records of a type go into one call: the chosen gateway's limit for that type
 * ({@link MarketoApi#maxBatch}), lowered to {@code mobject-sync.batch.size} when that is set. The cap
 * is checked at start-up against the gateway's largest batch (SOAP 100, REST 300), so a size that the
 * gateway could never send stops the application with a message naming the key; REST program updates
 * stay at one per call whatever the cap.
 */
@ApplicationScoped
public class BatchSizes {

    private final MarketoApi api;
    private final int cap;

    @Inject
    public BatchSizes(SyncConfig config) {
        this(MarketoApi.of(config.marketo().api()), config.batch().size().orElse(null));
    }

    public BatchSizes(MarketoApi api, Integer size) {
        this.api = api;
        if (size != null && size < 1) {
            throw new IllegalArgumentException("mobject-sync.batch.size must be at least 1");
        }
        if (size != null && size > api.largestBatch()) {
            throw new IllegalArgumentException("mobject-sync.batch.size must be at most " + api.largestBatch() + ": "
                    + api.limitReason());
        }
        this.cap = size == null ? api.largestBatch() : size;
    }

    /** A gateway-independent size for tests and tools: every type the same. */
    public static BatchSizes fixed(int size) {
        return new BatchSizes(MarketoApi.SOAP, Math.min(size, MarketoApi.SOAP.largestBatch()));
    }

    /** Records of this type per call. */
    public int of(String type) {
        return Math.min(cap, api.maxBatch(type));
    }

    /** Records per call of the type that takes the most: the size of a file's reading unit. */
    public int largest() {
        return cap;
    }

    /** Checks the size when the application starts, not at the first batch. */
    void check(@Observes StartupEvent started) {
        largest();
    }
}
