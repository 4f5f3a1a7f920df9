package dev.mobjectsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.record.KeyValue;
import dev.mobjectsync.record.SourceRef;
import dev.mobjectsync.record.SyncRecord;

class FileChunksTest {

    private final FileChunks chunks = new FileChunks(3);

    private static SyncRecord record(String recordId, String type, String key) {
        return new SyncRecord(recordId, type, "UPSERT", null, new KeyValue("ExtKey", key), Map.of(), List.of(),
                List.of(), "{}", SourceRef.fileLine("f", 1));
    }

    @Test
    void aChunkIsHandedOverWhenFullAndTheRestAtTheEnd() {
        FileChunks.Open open = chunks.open();
        List<Batch> ready = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ready.addAll(chunks.add(record("r" + i, "Opportunity", "K" + i), open));
        }
        assertEquals(List.of(3, 3), ready.stream().map(Batch::size).toList());
        List<Batch> rest = chunks.rest(open);
        assertEquals(List.of(1), rest.stream().map(Batch::size).toList());
        assertTrue(chunks.rest(open).isEmpty(), "handed over once");
    }

    @Test
    void eachKindOfRecordHasItsOwnChunkAndARepeatedKeyStartsANewOne() {
        FileChunks.Open open = chunks.open();
        List<Batch> ready = new ArrayList<>();
        ready.addAll(chunks.add(record("o1", "Opportunity", "A"), open));
        ready.addAll(chunks.add(record("r1", "OpportunityPersonRole", "A"), open));
        ready.addAll(chunks.add(record("o2", "Opportunity", "A"), open));
        assertEquals(1, ready.size(), "the second record for Opportunity A waits for the next chunk");
        assertEquals("UPSERT:Opportunity", ready.get(0).batchKey());
        assertEquals(List.of("UPSERT:OpportunityPersonRole", "UPSERT:Opportunity"),
                chunks.rest(open).stream().map(Batch::batchKey).toList());
    }
}
