package dev.mobjectsync.model;

import java.io.Serializable;
import java.time.Instant;

/** The {@code error} object of a dead-letter envelope (DESIGN.md §4). */
public record Failure(Stage stage, String status, String code, String message, String batchId, int attempts,
        Instant failedAt) implements Serializable {
}
