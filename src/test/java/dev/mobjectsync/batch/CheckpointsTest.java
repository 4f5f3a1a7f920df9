package dev.mobjectsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Success;

/** The checkpoints on a real H2 database: what a run writes is what the next one reads. */
class CheckpointsTest {

    private JdbcConnectionPool dataSource;
    private Checkpoints checkpoints;
    private final Checkpoints.Place unit1 = new Checkpoints.Place("file:100|10|1|/in/a.ndjson", 1);
    private final Checkpoints.Place unit2 = new Checkpoints.Place("file:100|10|1|/in/a.ndjson", 2);

    @BeforeEach
    void database() throws Exception {
        dataSource = JdbcConnectionPool.create("jdbc:h2:mem:checkpoints-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "", "");
        RepositoryMigrations.migrateAtStart(dataSource, "h2");
        checkpoints = new Checkpoints(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.dispose();
    }

    private static RecordOutcome outcome(String recordId) {
        return new RecordOutcome("{\"recordId\":\"" + recordId + "\"}", null, SourceRef.fileLine("a.ndjson", 1),
                "Opportunity:externalKey:" + recordId, recordId,
                new Success("UPDATED", 7, null, "batch-1", Instant.parse("2026-12-01T00:00:00Z")), null);
    }

    private void answer(String callId, Checkpoints.Place place, int... positions) {
        Map<Checkpoints.Place, List<Map.Entry<Integer, RecordOutcome>>> byPlace = new LinkedHashMap<>();
        for (int position : positions) {
            byPlace.computeIfAbsent(place, p -> new java.util.ArrayList<>()).add(Map.entry(position, outcome("r"
                    + position)));
        }
        checkpoints.answered(callId, byPlace);
    }

    @Test
    void answeredOutcomesComeBackUntilTheyAreWritten() {
        answer("call-1", unit1, 0, 2);
        answer("call-2", unit1, 1);
        Checkpoints.Left left = checkpoints.of(unit1);
        assertEquals(Set.of(0, 1, 2), left.answered().keySet());
        assertEquals("r2", left.answered().get(2).recordId());
        assertEquals("UPDATED", left.answered().get(2).success().status());
        assertTrue(left.written().isEmpty());

        checkpoints.written("call-1", List.of(unit1));
        left = checkpoints.of(unit1);
        assertEquals(Set.of(0, 2), left.written());
        assertEquals(Set.of(1), left.answered().keySet());

        checkpoints.rewritten(unit1);
        assertEquals(Set.of(0, 1, 2), checkpoints.of(unit1).written());
        assertTrue(checkpoints.of(unit1).answered().isEmpty());
    }

    @Test
    void aUnitDoneForgetsItsRecordsAndSaysDone() {
        answer("call-1", unit1, 0);
        checkpoints.refusedWritten(unit2);
        checkpoints.unitDone(unit1);
        Map<Integer, Checkpoints.Left> file = checkpoints.of(unit1.source());
        assertTrue(file.get(1).done());
        assertTrue(file.get(1).written().isEmpty());
        assertFalse(file.get(2).done());
        assertTrue(file.get(2).refusedWritten());
        assertTrue(checkpoints.of(new Checkpoints.Place(unit1.source(), 3)).isEmpty());
    }

    @Test
    void aSourceIsForgottenWholeAndStaleSourcesGo() {
        checkpoints.unitDone(unit1);
        checkpoints.unitDone(unit2);
        answer("call-9", new Checkpoints.Place("chunk-7", 0), 4);
        checkpoints.forgetSource(unit1.source());
        assertTrue(checkpoints.of(unit1.source()).isEmpty());
        assertEquals(Set.of(4), checkpoints.of(new Checkpoints.Place("chunk-7", 0)).answered().keySet());

        checkpoints.unitDone(unit1);
        assertEquals(1, checkpoints.forgetStale(source -> source.startsWith("chunk")));
        assertTrue(checkpoints.of(unit1.source()).isEmpty());
        assertFalse(checkpoints.of("chunk-7").isEmpty());
    }
}
