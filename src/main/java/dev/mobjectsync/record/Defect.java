package dev.mobjectsync.record;

/** One thing wrong with a record: its reason code and a message that names the field. */
public record Defect(ReasonCode code, String message) {
}
