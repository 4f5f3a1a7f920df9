package dev.mobjectsync.record;

import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.SourceRef;

/** Small helpers the readers share: arrays expand to their elements, parse errors read well. */
public final class JsonValues {

    private JsonValues() {
    }

    /** An array yields one item per element (ref {@code …#line[i]}); any other value yields itself. */
    public static void expand(SourceRef source, JsonNode node, Consumer<InputItem> sink) {
        if (!node.isArray()) {
            sink.accept(InputItem.parsed(source, node));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            sink.accept(InputItem.parsed(source.element(i), node.get(i)));
        }
    }

    /** Jackson's message without the echoed source excerpt, which may be huge. */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e.getLocation() != null) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return message;
    }
}
