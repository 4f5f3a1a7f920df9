package dev.mobjectsync.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.Success;

class EnvelopeWriterTest {

    private final EnvelopeWriter writer = new EnvelopeWriter();

    private String write(String recordJson) {
        RecordOutcome outcome = RecordOutcome.rejected(recordJson, null, SourceRef.fileLine("s.ndjson", 3),
                new Failure(Stage.VALIDATION, "INVALID", "UNSUPPORTED_CHARACTER", "m", null, 0, Instant.EPOCH));
        return writer.envelope(outcome, new java.util.HashMap<>());
    }

    private static String strictUtf8RoundTrip(String text) throws CharacterCodingException {
        ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
        return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    }

    @Test
    void anEnvelopeWithHalfASurrogatePairIsStillEncodableAndKeepsTheValue() throws Exception {
        String envelope = write("{\"recordId\":\"r1\",\"junk\":\"a\\ud800b\",\"Name\":\"Köln\"}");

        JsonNode parsed = Json.MAPPER.readTree(strictUtf8RoundTrip(envelope));
        assertEquals("a\ud800b", parsed.get("junk").asText());
        assertEquals("Köln", parsed.get("Name").asText());
    }

    @Test
    void anOrdinaryEnvelopeKeepsItsCharactersAsTheyAre() {
        String envelope = write("{\"recordId\":\"r2\",\"Name\":\"Köln \uD83D\uDE00\"}");

        assertEquals(true, envelope.contains("Köln \uD83D\uDE00"), envelope);
    }

    @Test
    void aValidRecordsEnvelopeIsTheSameWhetherAppendedOrRebuilt() throws Exception {
        String json = "{\"recordId\":\"r9\",\"type\":\"Opportunity\",\"attributes\":{\"Name\":\"K\u00f6ln\"},\"extra\":[1,2]}";
        Success success = new Success("CREATED", 1042, "b-1", Instant.EPOCH);
        RecordOutcome appended = new RecordOutcome(json, null, SourceRef.fileLine("s.ndjson", 9), "ext=K", "r9",
                success,
                null);
        RecordOutcome rebuilt = new RecordOutcome(json, null, SourceRef.fileLine("s.ndjson", 9), "ext=K", null, success,
                null);
        java.util.Map<String, Object> appendedHeaders = new java.util.HashMap<>();
        java.util.Map<String, Object> rebuiltHeaders = new java.util.HashMap<>();

        String fast = writer.envelope(appended, appendedHeaders);
        String slow = writer.envelope(rebuilt, rebuiltHeaders);

        assertEquals(Json.MAPPER.readTree(slow), Json.MAPPER.readTree(fast));
        assertEquals(rebuiltHeaders, appendedHeaders);
        assertEquals(true, fast.startsWith(json.substring(0, json.length() - 1) + ",\"result\":"), fast);
        assertEquals(false, EnvelopeWriter.splicable("{\"recordId\":\"r\",\"result\":{}}"),
                "a replayed envelope is rebuilt");
    }
}
