package dev.mobjectsync.marketo;

/**
 * Marketo answered, but its statuses cannot be paired with the batch's records one for one (too few,
 * too many, or one naming an object the batch does not hold). Classified as {@code UNCORRELATED_RESPONSE}.
 */
public class UncorrelatedResponseException extends RuntimeException {

    public UncorrelatedResponseException(String message) {
        super(message);
    }
}
