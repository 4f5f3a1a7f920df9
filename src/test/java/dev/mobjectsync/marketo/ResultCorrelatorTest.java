package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;

import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.SyncRecord;

class ResultCorrelatorTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final ResultCorrelator correlator = new ResultCorrelator(false);

    private static SyncRecord record(String recordId, Integer id, String externalKey) {
        return new SyncRecord(recordId, "Opportunity", "UPSERT", id,
                externalKey == null ? null : new KeyValue("ExtOpptyId", externalKey), Map.of(), List.of(), List.of(),
                "{\"recordId\":\"" + recordId + "\"}", SourceRef.fileLine("t", 1));
    }

    private static Batch batch(SyncRecord... records) {
        Batch batch = new Batch("UPSERT", "Opportunity");
        for (SyncRecord r : records) {
            batch.add(r);
        }
        return batch;
    }

    private static MObjStatus status(Integer id, String externalKey, MObjStatusEnum value, String error) {
        MObjStatus status = new MObjStatus();
        status.setId(id);
        if (externalKey != null) {
            Attrib key = new Attrib();
            key.setName("ExtOpptyId");
            key.setValue(externalKey);
            status.setExternalKey(key);
        }
        status.setStatus(value);
        status.setError(error);
        return status;
    }

    private static String idOf(RecordOutcome outcome) {
        return outcome.recordJson().replaceAll(".*\"recordId\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void statusesOutOfOrderAreMatchedByKey() {
        Batch batch = batch(record("a", null, "OPP-A"), record("b", 64, null), record("c", null, "OPP-C"));

        List<RecordOutcome> outcomes = correlator.correlate(batch, List.of(
                status(1003, "OPP-C", MObjStatusEnum.CREATED, null),
                status(64, null, MObjStatusEnum.UPDATED, null),
                status(1001, "OPP-A", MObjStatusEnum.UNCHANGED, null)), NOW);

        assertEquals(List.of("a", "b", "c"), outcomes.stream().map(ResultCorrelatorTest::idOf).toList());
        assertEquals(List.of("UNCHANGED", "UPDATED", "CREATED"),
                outcomes.stream().map(o -> o.success().status()).toList());
        assertEquals(1003, outcomes.get(2).success().marketoId());
        assertEquals(batch.batchId(), outcomes.get(0).success().batchId());
    }

    @Test
    void newObjectsWithoutKeyFallBackToPosition() {
        Batch batch = batch(record("a", null, null), record("b", null, null));

        List<RecordOutcome> outcomes = correlator.correlate(batch, List.of(
                status(1001, null, MObjStatusEnum.CREATED, null),
                status(1002, null, MObjStatusEnum.CREATED, null)), NOW);

        assertEquals(1001, outcomes.get(0).success().marketoId());
        assertEquals(1002, outcomes.get(1).success().marketoId());
    }

    @Test
    void failedAndSkippedGoToDeadLetterWithMarketosText() {
        Batch batch = batch(record("a", 1, null), record("b", 2, null));

        List<RecordOutcome> outcomes = correlator.correlate(batch, List.of(
                status(1, null, MObjStatusEnum.FAILED, "Unknown attribute for Opportunity: Colour"),
                status(2, null, MObjStatusEnum.SKIPPED, "Opportunity with id 2 does not exist")), NOW);

        assertEquals("FAILED", outcomes.get(0).failure().status());
        assertEquals(Stage.MARKETO, outcomes.get(0).failure().stage());
        assertEquals("Unknown attribute for Opportunity: Colour", outcomes.get(0).failure().message());
        assertEquals("SKIPPED", outcomes.get(1).failure().code());
    }

    @Test
    void skippedMayBeConfiguredAsSuccess() {
        Batch batch = batch(record("a", 1, null));

        List<RecordOutcome> outcomes = new ResultCorrelator(true).correlate(batch,
                List.of(status(1, null, MObjStatusEnum.SKIPPED, "exists")), NOW);

        assertTrue(outcomes.get(0).isSuccess());
        assertEquals("SKIPPED", outcomes.get(0).success().status());
    }

    @Test
    void tooFewStatusesAreRefusedAsUncorrelated() {
        Batch batch = batch(record("a", 1, null), record("b", 2, null));

        UncorrelatedResponseException refused = assertThrows(UncorrelatedResponseException.class,
                () -> correlator.correlate(batch, List.of(status(1, null, MObjStatusEnum.UPDATED, null)), NOW));

        assertTrue(refused.getMessage().contains("1 statuses for 2 objects"), refused.getMessage());
    }

    @Test
    void aStatusForAnUnknownObjectIsRefusedAsUncorrelated() {
        Batch batch = batch(record("a", 1, null), record("b", 2, null));

        assertThrows(UncorrelatedResponseException.class, () -> correlator.correlate(batch, List.of(
                status(1, null, MObjStatusEnum.UPDATED, null),
                status(99, null, MObjStatusEnum.UPDATED, null)), NOW));
    }

    @Test
    void twoStatusesForOneRecordAreRefusedAsUncorrelated() {
        Batch batch = batch(record("a", 1, null), record("b", null, null));

        assertThrows(UncorrelatedResponseException.class, () -> correlator.correlate(batch, List.of(
                status(1, null, MObjStatusEnum.UPDATED, null),
                status(1, null, MObjStatusEnum.UPDATED, null)), NOW));
    }

    @Test
    void aKeyedMatchWhoseIdContradictsTheRecordIsRefused() {
        Batch batch = batch(record("a", 5, "OPP-A"), record("b", null, null));

        assertThrows(UncorrelatedResponseException.class, () -> correlator.correlate(batch, List.of(
                status(6, "OPP-A", MObjStatusEnum.UPDATED, null),
                status(1002, null, MObjStatusEnum.CREATED, null)), NOW));
    }

    @Test
    void unexpectedStatusIsDeadLettered() {
        Batch batch = batch(record("a", 1, null));

        List<RecordOutcome> outcomes = correlator.correlate(batch,
                List.of(status(1, null, MObjStatusEnum.DELETED, null)), NOW);

        assertEquals("UNEXPECTED_STATUS", outcomes.get(0).failure().code());
    }

    @Test
    void aCreatedObjectWhoseNewIdAnotherRecordNamesIsMatchedByPosition() {
        Batch batch = batch(record("named", 1005, null), record("new", null, null));

        List<RecordOutcome> outcomes = correlator.correlate(batch, List.of(
                status(1005, null, MObjStatusEnum.SKIPPED, "no object with id 1005"),
                status(1005, null, MObjStatusEnum.CREATED, null)), NOW);

        assertTrue(outcomes.get(0).recordJson().contains("\"named\""));
        assertEquals("SKIPPED", outcomes.get(0).failure().status());
        assertTrue(outcomes.get(1).recordJson().contains("\"new\""));
        assertEquals("CREATED", outcomes.get(1).success().status());
    }
}
