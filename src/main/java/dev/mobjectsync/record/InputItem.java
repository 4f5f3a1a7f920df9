package dev.mobjectsync.record;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.SourceRef;

/**
 * One item a reader found in its input: either a parsed JSON value, or text that could not be
 * parsed, with the reason. Either way it has a source reference and leaves through one channel.
 */
public record InputItem(SourceRef source, JsonNode node, String unparsedText, ReasonCode parseError,
        String parseMessage) {

    public static InputItem parsed(SourceRef source, JsonNode node) {
        return new InputItem(source, node, null, null, null);
    }

    public static InputItem unparsable(SourceRef source, String text, ReasonCode code, String message) {
        return new InputItem(source, null, text, code, message);
    }

    public boolean isParsed() {
        return parseError == null;
    }
}
