package dev.mobjectsync.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.Association;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.SyncRecord;

/** The order the sending stage keeps, record by record, without threads. */
class LanesTest {

    private final Lanes lanes = new Lanes();
    private final Ticket ticket = new Ticket("chunk", dev.mobjectsync.model.Chunk.of(List.of()), (held, failure) -> {
    });

    private static SyncRecord opportunity(String recordId, String operation, String externalKey) {
        return new SyncRecord(recordId, "Opportunity", operation, null, new KeyValue("ExtOpptyId", externalKey),
                Map.of("Name", recordId), List.of(), List.of(), "{}", SourceRef.fileLine("f", 1));
    }

    private static SyncRecord role(String recordId, String opportunityKey, int leadId) {
        return new SyncRecord(recordId, "OpportunityPersonRole", "INSERT", null, null, Map.of("Role", "Champion"),
                List.of(), List.of(new Association("Opportunity", null, new KeyValue("ExtOpptyId", opportunityKey)),
                        new Association("Lead", leadId, null)),
                "{}", SourceRef.fileLine("f", 1));
    }

    private List<String> take(int size) {
        return ids(lanes.take(type -> size));
    }

    private static List<String> ids(List<Lanes.Entry> entries) {
        return entries.stream().map(e -> e.record.recordId()).toList();
    }

    @Test
    void aSecondRecordOfAnObjectWaitsUntilTheFirstOnesCallHasEnded() {
        lanes.add(opportunity("a1", "UPSERT", "A"), ticket);
        lanes.add(opportunity("a2", "UPSERT", "A"), ticket);
        lanes.add(opportunity("b1", "UPSERT", "B"), ticket);

        List<Lanes.Entry> first = lanes.take(type -> 100);
        assertEquals(List.of("a1", "b1"), ids(first), "independent objects go together, the second a waits");
        assertFalse(lanes.hasReady(), "a2 may not go while a1 is in flight");
        assertEquals(1, lanes.waiting());

        lanes.finish(first);
        assertEquals(List.of("a2"), take(100));
    }

    @Test
    void aRoleWaitsForEveryEarlierRecordOfItsOpportunityButNotForOthers() {
        lanes.add(opportunity("o1", "INSERT", "O1"), ticket);
        lanes.add(opportunity("o1-again", "UPDATE", "O1"), ticket);
        lanes.add(role("r1", "O1", 19), ticket);
        lanes.add(role("r2", "O2", 19), ticket);

        List<Lanes.Entry> inserts = lanes.take(type -> 100);
        assertEquals(List.of("o1"), ids(inserts), "the oldest kind goes first");
        List<Lanes.Entry> roles = lanes.take(type -> 100);
        assertEquals(List.of("r2"), ids(roles), "the role of another Opportunity does not wait");
        assertEquals(List.of(), take(100), "the update waits for the insert, the role for both");

        lanes.finish(inserts);
        List<Lanes.Entry> update = lanes.take(type -> 100);
        assertEquals(List.of("o1-again"), ids(update));
        assertFalse(lanes.hasReady(), "r1 waits for the update too");
        lanes.finish(update);
        assertEquals(List.of("r1"), take(100));
    }

    @Test
    void aCallTakesTheOldestKindUpToItsSizeAndKeepsArrivalOrder() {
        for (int i = 0; i < 5; i++) {
            lanes.add(opportunity("u" + i, "UPSERT", "U" + i), ticket);
        }
        lanes.add(opportunity("i0", "INSERT", "I0"), ticket);

        assertEquals(List.of("u0", "u1", "u2"), take(3));
        assertEquals(List.of("u3", "u4"), take(3));
        assertEquals(List.of("i0"), take(3));
        assertEquals(6, lanes.held());
        assertEquals(0, lanes.waiting());
    }

    @Test
    void roundsOfUpdatesGoOutRoundByRound() {
        int objects = 20;
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < objects; i++) {
                lanes.add(opportunity("o" + i + "-r" + round, "UPSERT", "O" + i), ticket);
            }
        }
        List<List<String>> calls = new ArrayList<>();
        while (lanes.held() > 0) {
            List<Lanes.Entry> call = lanes.take(type -> 100);
            assertFalse(call.isEmpty(), "something is always ready while records are held");
            calls.add(ids(call));
            lanes.finish(call);
        }
        assertEquals(rounds, calls.size(), "one full call per round: " + calls);
        for (int round = 0; round < rounds; round++) {
            int r = round;
            assertTrue(calls.get(round).stream().allMatch(id -> id.endsWith("-r" + r)), calls.get(round).toString());
            assertEquals(objects, calls.get(round).size());
        }
    }

    @Test
    void aRecordWithoutKeyNeverWaits() {
        SyncRecord unkeyed = new SyncRecord("new", "Opportunity", "INSERT", null, null, Map.of("Name", "x"), List.of(),
                List.of(), "{}", SourceRef.fileLine("f", 1));
        lanes.add(unkeyed, ticket);
        lanes.add(unkeyed, ticket);
        assertEquals(List.of("new", "new"), take(100));
    }

    @Test
    void whileChunksComeFullAPartialCallWaitsUpToTheLingerForMore() {
        long linger = 1_000;
        for (int i = 0; i < 3; i++) {
            lanes.add(opportunity("p" + i, "UPSERT", "P" + i), 0, ticket, 10);
        }
        assertEquals(List.of(), lanes.take(type -> 5, false, linger, 500), "3 of 5: wait for more");
        assertEquals(510, lanes.untilNextCall(type -> 5, false, linger, 500));
        assertEquals(0, lanes.untilNextCall(type -> 5, true, linger, 500), "after a quiet spell: at once");

        for (int i = 3; i < 7; i++) {
            lanes.add(opportunity("p" + i, "UPSERT", "P" + i), 0, ticket, 600);
        }
        assertEquals(0, lanes.untilNextCall(type -> 5, false, linger, 600));
        assertEquals(List.of("p0", "p1", "p2", "p3", "p4"), ids(lanes.take(type -> 5, false, linger, 600)));
        assertEquals(List.of(), lanes.take(type -> 5, false, linger, 900));
        assertEquals(List.of("p5", "p6"), ids(lanes.take(type -> 5, false, linger, 1_600)), "aged: it goes");
    }

    @Test
    void recordsKeyedByMarketoGuidNeverShareACallWithRecordsKeyedByAnExternalKey() {
        for (int i = 0; i < 700; i++) {
            KeyValue key = i % 2 == 0 ? new KeyValue(KeyValue.MARKETO_GUID, "guid-" + i) : new KeyValue("ExtOpptyId",
                    "e" + i);
            lanes.add(new SyncRecord("k" + i, "Opportunity", "UPDATE", null, key, Map.of("Name", "n"), List.of(),
                    List.of(), "{}", SourceRef.fileLine("f", i + 1)), ticket);
        }
        List<Integer> sizes = new ArrayList<>();
        for (List<Lanes.Entry> call = lanes.take(type -> 300); !call.isEmpty(); call = lanes.take(type -> 300)) {
            long kinds = call.stream().map(entry -> entry.record.externalKey().isMarketoGuid()).distinct().count();
            assertEquals(1, kinds, "one key kind per call");
            sizes.add(call.size());
            lanes.finish(call);
        }
        assertEquals(List.of(50, 50, 300, 300), sizes.stream().sorted().toList(), "⌈350 / 300⌉ calls per kind");
    }
}
