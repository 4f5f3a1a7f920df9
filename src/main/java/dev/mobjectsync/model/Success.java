package dev.mobjectsync.model;

import java.io.Serializable;
import java.time.Instant;

/**
 * The {@code result} object of a success envelope (DESIGN.md §4). {@code marketoGuid} is set by the
 * REST gateway only: REST opportunities and roles have a GUID and no integer id.
 */
public record Success(String status, Integer marketoId, String marketoGuid, String batchId, Instant syncedAt)
        implements
            Serializable {

    public Success(String status, Integer marketoId, String batchId, Instant syncedAt) {
        this(status, marketoId, null, batchId, syncedAt);
    }
}
