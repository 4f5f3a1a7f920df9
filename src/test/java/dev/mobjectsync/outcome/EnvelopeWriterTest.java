package dev.mobjectsync.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.record.Json;
import dev.mobjectsync.record.SourceRef;

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
}
