package dev.mobjectsync.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The reason code of a JSON parse failure: most are {@code UNPARSABLE_JSON}, but a limit of the parser
 * (nesting depth, value length) and a duplicate field name each have their own code.
 */
final class JsonFailures {

    private JsonFailures() {
    }

    static ReasonCode code(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return ReasonCode.NESTING_TOO_DEEP;
            }
            if (message.startsWith("Document length")) {
                return ReasonCode.RECORD_TOO_LARGE;
            }
            if (message.contains("length")) {
                return ReasonCode.FIELD_TOO_LONG;
            }
            return ReasonCode.UNPARSABLE_JSON;
        }
        return isDuplicateField(e) ? ReasonCode.DUPLICATE_FIELD : ReasonCode.UNPARSABLE_JSON;
    }

    /**
     * A duplicate field is found while the tree is built (the parser itself is fine), so a reader of a
     * stream of values may skip the rest of that value and go on.
     */
    static boolean isDuplicateField(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
    }
}
