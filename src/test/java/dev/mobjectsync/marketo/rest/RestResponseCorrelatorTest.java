package dev.mobjectsync.marketo.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.marketo.UncorrelatedResponseException;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.SyncRecord;

class RestResponseCorrelatorTest {

    private final RestResponseCorrelator correlator = new RestResponseCorrelator(false, Clock.systemUTC());

    private static SyncRecord record(String key) {
        return new SyncRecord(key, "Opportunity", "UPSERT", null, new KeyValue("ExtOpptyId", key), Map.of(), List.of(),
                List.of(), "{}", SourceRef.fileLine("f", 1));
    }

    private static Batch batch(List<SyncRecord> records) {
        Batch batch = new Batch("UPSERT", "Opportunity");
        records.forEach(batch::add);
        return batch;
    }

    private List<RecordOutcome> correlate(String answer, List<SyncRecord> sent) throws Exception {
        RestCall call = new RestCall("/rest/v1/opportunities.json", "application/json", "{}", sent, List.of(), false);
        return correlator.correlate(Json.MAPPER.readTree(answer), batch(sent), call);
    }

    @Test
    void resultsArePairedBySeqWithTheSoapStatusNames() throws Exception {
        List<SyncRecord> sent = List.of(record("a"), record("b"), record("c"));
        List<RecordOutcome> outcomes = correlate("""
                {"success":true,"result":[
                 {"seq":2,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"},{"code":"1006","message":"Field not found"}]},
                 {"seq":0,"status":"created","marketoGUID":"g-a"},
                 {"seq":1,"status":"updated","marketoGUID":"g-b"}]}
                """, sent);

        assertEquals("CREATED", outcomes.get(0).success().status());
        assertEquals("g-a", outcomes.get(0).success().marketoGuid());
        assertEquals("b", outcomes.get(1).recordId());
        assertEquals("UPDATED", outcomes.get(1).success().status());
        assertEquals("c", outcomes.get(2).recordId());
        assertEquals("SKIPPED", outcomes.get(2).failure().status());
        assertEquals("1004,1006", outcomes.get(2).failure().code());
        assertEquals("1004 Lead not found; 1006 Field not found", outcomes.get(2).failure().message());
    }

    @Test
    void anAnswerThatDoesNotNameEachRecordOnceIsNotGuessed() {
        List<SyncRecord> sent = List.of(record("a"), record("b"));
        assertThrows(UncorrelatedResponseException.class, () -> correlate(
                "{\"success\":true,\"result\":[{\"seq\":0,\"status\":\"created\"},{\"seq\":0,\"status\":\"created\"}]}",
                sent));
        assertThrows(UncorrelatedResponseException.class, () -> correlate(
                "{\"success\":true,\"result\":[{\"seq\":0,\"status\":\"created\"}]}", sent));
    }
}
