package dev.mobjectsync.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.Success;
import dev.mobjectsync.model.SyncRecord;

/** A role refused by Marketo names its Opportunity's dead letter, when there is one. */
class ParentOutcomesTest {

    private final ParentOutcomes parents = new ParentOutcomes();

    private static SyncRecord opportunity(String recordId, String key) {
        return new SyncRecord(recordId, "Opportunity", "INSERT", null, new KeyValue("ExtOpptyId", key),
                Map.of("Name", "n"), List.of(), List.of(), "{}", SourceRef.fileLine("f", 1));
    }

    private static SyncRecord role(String recordId, String key) {
        return new SyncRecord(recordId, "OpportunityPersonRole", "INSERT", null, null, Map.of("Role", "Buyer"),
                List.of(), List.of(new Association("Opportunity", null, new KeyValue("ExtOpptyId", key)),
                        new Association("Lead", 7, null)),
                "{}", SourceRef.fileLine("f", 2));
    }

    private static Failure failure(String code, String message) {
        return new Failure(Stage.MARKETO, "FAILED", code, message, "b", 1, Instant.EPOCH);
    }

    private static Batch batch(SyncRecord... records) {
        Batch batch = new Batch(records[0].operation(), records[0].type());
        for (SyncRecord record : records) {
            batch.add(record);
        }
        return batch;
    }

    @Test
    void aRefusedRoleNamesItsDeadLetteredOpportunity() {
        SyncRecord bad = opportunity("opp-1", "K1");
        SyncRecord good = opportunity("opp-2", "K2");
        parents.name(List.of(RecordOutcome.failed(bad, failure("FAILED", "Name is required")),
                RecordOutcome.succeeded(good, new Success("CREATED", 2, null, "b", Instant.EPOCH))), batch(bad, good));

        SyncRecord orphan = role("role-1", "K1");
        SyncRecord adopted = role("role-2", "K2");
        List<RecordOutcome> named = parents.name(List.of(
                RecordOutcome.failed(orphan, failure("FAILED", "Opportunity ExtOpptyId=K1 not found")),
                RecordOutcome.failed(adopted, failure("FAILED", "Lead 7 not found"))), batch(orphan, adopted));

        assertEquals("Opportunity ExtOpptyId=K1 not found (its Opportunity opp-1 was dead-lettered FAILED)",
                named.get(0).failure().message());
        assertEquals("Lead 7 not found", named.get(1).failure().message(), "its Opportunity succeeded: nothing to add");
    }

    @Test
    void aLaterSuccessOfTheOpportunityClearsIt() {
        SyncRecord first = opportunity("opp-1", "K1");
        parents.name(List.of(RecordOutcome.failed(first, failure("20110", "bad"))), batch(first));
        SyncRecord again = opportunity("opp-1b", "K1");
        parents.name(List.of(RecordOutcome.succeeded(again, new Success("CREATED", 1, null, "b", Instant.EPOCH))),
                batch(again));

        SyncRecord role = role("role-1", "K1");
        List<RecordOutcome> named = parents.name(List.of(RecordOutcome.failed(role, failure("FAILED", "refused"))),
                batch(role));
        assertEquals("refused", named.get(0).failure().message());
    }
}
