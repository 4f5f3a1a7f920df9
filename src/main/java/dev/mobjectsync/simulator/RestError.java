package dev.mobjectsync.simulator;

/** A REST call refused as a whole, with Marketo's response-level code. */
final class RestError extends RuntimeException {

    final String code;

    RestError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
