package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.SyncRecord;
import dev.mobjectsync.simulator.MarketoFaults;

class PoisonIsolationTest {

    private final PoisonIsolation isolation = new PoisonIsolation();

    private static Batch batchOf(int size) {
        Batch batch = new Batch("UPSERT", "Opportunity");
        IntStream.range(0, size).mapToObj(i -> new SyncRecord("r" + i, "Opportunity", "UPSERT", null,
                new KeyValue("ExtOpptyId", "K" + i), Map.of(), List.of(), List.of(), "{}", SourceRef.fileLine("t", i
                        + 1)))
                .forEach(batch::add);
        return batch;
    }

    @Test
    void contentFaultsSplitABatchOfMoreThanOneRecord() {
        for (String code : List.of("20017", "20109", "20110")) {
            assertTrue(isolation.splits(batchOf(2), MarketoFaults.fault(code, "Bad", "bad")), code);
        }
        assertTrue(isolation.splits(batchOf(100), new UncorrelatedResponseException("1 status for 100 objects")));
    }

    @Test
    void aLoneRecordOrAFaultThatIsNotAboutContentIsNotSplit() {
        assertFalse(isolation.splits(batchOf(1), MarketoFaults.fault("20110", "Bad", "bad")));
        assertFalse(isolation.splits(batchOf(100), MarketoFaults.fault("20014", "Authentication failed", "no")));
        assertFalse(isolation.splits(batchOf(100), MarketoFaults.fault("20023", "Rate limit", "later")));
        assertFalse(isolation.splits(batchOf(100), new Fault(new ConnectException("refused"))));
    }

    @Test
    void halvesHoldEveryRecordOnceInOrder() {
        Batch batch = batchOf(99);

        List<Batch> halves = isolation.halves(batch, MarketoFaults.fault("20110", "Bad", "bad"));

        assertEquals(List.of(49, 50), halves.stream().map(Batch::size).toList());
        assertEquals(batch.records(), halves.stream().flatMap(h -> h.records().stream()).toList());
        halves.forEach(h -> assertEquals("UPSERT", h.operation()));
        assertEquals(3, java.util.stream.Stream.of(batch, halves.get(0), halves.get(1)).map(Batch::batchId).distinct()
                .count(), "each half is a batch of its own");
    }
}
