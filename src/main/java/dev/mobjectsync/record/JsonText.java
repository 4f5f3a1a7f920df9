package dev.mobjectsync.record;

import java.nio.charset.CharacterCodingException;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.SourceRef;

/**
 * One unit of JSON text, an NDJSON line or a message body, into items: bytes that are not UTF-8, a NUL
 * byte, and JSON that cannot be parsed each get their own reason code. A leading byte order mark is
 * dropped; an array yields its elements.
 */
final class JsonText {

    private JsonText() {
    }

    /** Adds the items of the text to the sink; returns false, adding nothing, when the text is blank. */
    static boolean parse(SourceRef source, byte[] bytes, String what, Consumer<InputItem> sink) {
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            sink.accept(InputItem.unparsable(source, null, ReasonCode.INVALID_ENCODING, what + " is not valid UTF-8"));
            return true;
        }
        if (text.isBlank()) {
            return false;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            sink.accept(InputItem.unparsable(source, text, ReasonCode.NUL_BYTE,
                    what + " holds a NUL byte at character " + (nul + 1) + " (binary data, or UTF-16 text?)"));
            return true;
        }
        try {
            JsonValues.expand(source, Json.MAPPER.readTree(text), sink);
        } catch (JsonProcessingException e) {
            sink.accept(InputItem.unparsable(source, text, JsonFailures.code(e), JsonValues.describe(e)));
        }
        return true;
    }
}
