package dev.mobjectsync.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.camel.component.kafka.KafkaConstants;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.Success;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Writes the channel message of one outcome: the input record unchanged, plus {@code result} or
 * {@code error}, plus {@code source} (DESIGN.md §4). The same context goes into message headers
 * ({@link ChannelHeaders}) so operators can filter without parsing bodies; the Kafka key is the
 * record's Marketo key, or its recordId.
 */
@ApplicationScoped
@Named("envelopeWriter")
public class EnvelopeWriter {

    /** Unparsable input is echoed as text up to this many characters. */
    static final int MAX_ECHOED_TEXT = 64 * 1024;

    /** The outcome's envelope as text; its context headers and Kafka key go into {@code headers}. */
    public String envelope(RecordOutcome outcome, Map<String, Object> headers) {
        Written written = written(outcome);
        headers.put(KafkaConstants.KEY, outcome.marketoKey() != null ? outcome.marketoKey() : written.recordId());
        headers.putAll(ChannelHeaders.of(outcome, written.recordId()));
        return written.text();
    }

    /** The outcome's envelope as text, for a channel that takes no headers (a file). */
    public String text(RecordOutcome outcome) {
        return written(outcome).text();
    }

    private record Written(String text, String recordId) {
    }

    private static Written written(RecordOutcome outcome) {
        String recordId = outcome.recordId();
        String text = recordId != null && splicable(outcome.recordJson()) ? spliced(outcome) : null;
        if (text != null) {
            return new Written(text, recordId);
        }
        ObjectNode envelope = envelope(outcome);
        return new Written(text(envelope), envelope.path("recordId").asText());
    }

    /**
     * A validated record's JSON (compact, written by Jackson) that holds none of the envelope's own
     * top-level names anywhere: its envelope is the record with the outcome's fields appended, without
     * parsing the record again.
     */
    static boolean splicable(String recordJson) {
        return recordJson != null && recordJson.length() > 2 && recordJson.charAt(recordJson.length() - 1) == '}'
                && !recordJson.contains("\"result\"") && !recordJson.contains("\"error\"")
                && !recordJson.contains("\"source\"");
    }

    /** The envelope by appending to the record's JSON; null when it could not be encoded that way. */
    private static String spliced(RecordOutcome outcome) {
        String tail = outcomeFields(Json.MAPPER.createObjectNode(), outcome).toString();
        String json = outcome.recordJson();
        String text = json.substring(0, json.length() - 1) + "," + tail.substring(1);
        return hasUnpairedSurrogate(text) ? null : text;
    }

    /**
     * The envelope as JSON text. Input may carry half a surrogate pair as a JSON escape ({@code "\ud800"}),
     * in a field nobody validates; written raw, such a string cannot be encoded as UTF-8, the channel write
     * fails again and again, and the source stalls behind it. Such an envelope is written with every
     * non-ASCII character escaped: the same JSON, and always encodable.
     */
    static String text(ObjectNode envelope) {
        String text = envelope.toString();
        if (!hasUnpairedSurrogate(text)) {
            return text;
        }
        try {
            return Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an envelope", e);
        }
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode envelope(RecordOutcome outcome) {
        return outcomeFields(record(outcome), outcome);
    }

    /** Adds {@code result} or {@code error}, and {@code source}. */
    private static ObjectNode outcomeFields(ObjectNode envelope, RecordOutcome outcome) {
        if (outcome.isSuccess()) {
            Success s = outcome.success();
            ObjectNode result = envelope.putObject("result");
            result.put("status", s.status());
            result.put("marketoId", s.marketoId());
            if (s.marketoGuid() != null) {
                result.put("marketoGuid", s.marketoGuid());
            }
            result.put("batchId", s.batchId());
            result.put("syncedAt", s.syncedAt().toString());
        } else {
            Failure f = outcome.failure();
            ObjectNode error = envelope.putObject("error");
            error.put("stage", f.stage().wireName());
            error.put("status", f.status());
            error.put("code", f.code());
            error.put("message", f.message());
            error.put("batchId", f.batchId());
            error.put("attempts", f.attempts());
            error.put("failedAt", f.failedAt().toString());
        }
        ObjectNode source = envelope.putObject("source");
        source.put("channel", outcome.source().channel());
        source.put("ref", outcome.source().ref());
        return envelope;
    }

    private static ObjectNode record(RecordOutcome outcome) {
        if (outcome.recordJson() != null) {
            try {
                ObjectNode envelope = (ObjectNode) Json.MAPPER.readTree(outcome.recordJson());
                envelope.remove("result");
                envelope.remove("error");
                return envelope;
            } catch (IOException e) {
                throw new UncheckedIOException("a validated record no longer parses", e);
            }
        }
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("recordId", outcome.source().ref());
        String text = outcome.unparsedText();
        if (text != null) {
            boolean cut = text.length() > MAX_ECHOED_TEXT;
            envelope.put("raw", cut ? text.substring(0, MAX_ECHOED_TEXT) : text);
            if (cut) {
                envelope.put("rawTruncated", true);
            }
        }
        return envelope;
    }
}
