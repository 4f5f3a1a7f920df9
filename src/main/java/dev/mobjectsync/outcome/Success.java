package dev.mobjectsync.outcome;

import java.time.Instant;

/** The {@code result} object of a success envelope (DESIGN.md §4). */
public record Success(String status, Integer marketoId, String batchId, Instant syncedAt) {
}
