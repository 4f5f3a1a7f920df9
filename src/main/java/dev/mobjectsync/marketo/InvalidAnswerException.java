package dev.mobjectsync.marketo;

/** An answer that arrived but cannot be used (too long, or without what it must hold): {@code INVALID_RESPONSE}. */
public class InvalidAnswerException extends RuntimeException {

    public InvalidAnswerException(String message) {
        super(message, null, false, false);
    }
}
