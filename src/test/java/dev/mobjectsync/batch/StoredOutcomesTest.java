package dev.mobjectsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.Success;

/** The checkpoints' form of answered outcomes: what is written is what is read, the older form included. */
class StoredOutcomesTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456789Z");

    private static List<RecordOutcome> outcomes() {
        return List.of(
                new RecordOutcome("{\"recordId\":\"a\",\"attributes\":{\"Name\":\"Zoë 😀\"}}", null,
                        new SourceRef("file", "a.ndjson#1"), "Opportunity:externalKey:a", "a",
                        new Success("CREATED", 7, null, "batch-1", AT), null),
                new RecordOutcome("{\"recordId\":\"b\"}", null, new SourceRef("kafka", "t-0@12"),
                        "Opportunity:marketoGUID:g", "b", new Success("UPDATED", null, "guid-b", "batch-1", AT), null),
                new RecordOutcome("{\"recordId\":\"c\"}", null, null, null, "c", null,
                        new Failure(Stage.MARKETO, "FAILED", "20018", "x".repeat(70_000), "batch-1", 3, AT)),
                new RecordOutcome(null, "not json", new SourceRef("jms", "ID:1"), null, null, null,
                        new Failure(null, null, null, null, null, 0, null)));
    }

    @Test
    void whatIsWrittenIsWhatIsRead() {
        assertEquals(outcomes(), StoredOutcomes.decode(StoredOutcomes.encode(outcomes())));
        assertEquals(List.of(), StoredOutcomes.decode(StoredOutcomes.encode(List.of())));
    }

    @Test
    void smallerThanJavaSerialization() throws Exception {
        List<RecordOutcome> call = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            call.add(new RecordOutcome("{\"recordId\":\"r" + i + "\",\"type\":\"Opportunity\"}", null,
                    SourceRef.fileLine("in.ndjson", i), "Opportunity:externalKey:r" + i, "r" + i,
                    new Success("UPDATED", i, null, "batch-1", AT), null));
        }
        int compact = StoredOutcomes.encode(call).length;
        int java = javaSerialized(new ArrayList<>(call)).length;
        assertTrue(compact < java, compact + " bytes, Java serialization " + java);
    }

    @Test
    void rowsOfTheOlderFormAreStillRead() throws Exception {
        ArrayList<RecordOutcome> stored = new ArrayList<>(outcomes().subList(0, 2));
        assertEquals(stored, StoredOutcomes.decode(javaSerialized(stored)));
    }

    @Test
    void anUnknownFormIsSaid() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> StoredOutcomes.decode(new byte[]{9, 0, 0, 0, 0}));
        assertTrue(refused.getMessage().contains("unknown form"), refused.getMessage());
        IllegalStateException damaged = assertThrows(IllegalStateException.class,
                () -> StoredOutcomes.decode(new byte[]{1, 0x7F, 0, 0, 0}));
        assertTrue(damaged.getMessage().contains("outcomes in 5 bytes"), damaged.getMessage());
    }

    private static byte[] javaSerialized(ArrayList<RecordOutcome> outcomes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(outcomes);
        }
        return bytes.toByteArray();
    }
}
