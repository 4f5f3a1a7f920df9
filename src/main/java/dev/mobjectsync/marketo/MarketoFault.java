package dev.mobjectsync.marketo;

import dev.mobjectsync.model.Stage;

/** A failed call, classified: Marketo's fault code and message, or the transport error, and what it means for the batch. */
public record MarketoFault(Stage stage, String code, String message, FaultKind kind) {
}
