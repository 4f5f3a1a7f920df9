package dev.mobjectsync.marketo;

import dev.mobjectsync.outcome.Stage;

/** A failed call, classified: Marketo's fault code and message, or the transport error. */
public record MarketoFault(Stage stage, String code, String message) {
}
