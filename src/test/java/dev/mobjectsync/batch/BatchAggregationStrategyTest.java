package dev.mobjectsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.Headers;
import dev.mobjectsync.record.KeyValue;
import dev.mobjectsync.record.SourceRef;
import dev.mobjectsync.record.SyncRecord;

/** The strategy inside a real Camel aggregator, wired as batch-and-sync wires it (in-memory repository). */
class BatchAggregationStrategyTest extends CamelTestSupport {

    private static final int MAX = 10;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch")
                        .aggregate(header(Headers.BATCH_KEY), new BatchAggregationStrategy(MAX))
                        .completionTimeout(300)
                        .forceCompletionOnStop()
                        .to("mock:batches");
            }
        };
    }

    private static SyncRecord record(String recordId, String operation, String type, Integer id, String externalKey) {
        return new SyncRecord(recordId, type, operation, id,
                externalKey == null ? null : new KeyValue("ExtOpptyId", externalKey), Map.of(), List.of(), List.of(),
                "{}", SourceRef.fileLine("t.ndjson", 1));
    }

    private void send(SyncRecord record) {
        template.sendBodyAndHeader("direct:batch", record, Headers.BATCH_KEY, record.batchKey());
    }

    private List<Batch> batches() {
        List<Batch> batches = new ArrayList<>();
        for (Exchange exchange : getMockEndpoint("mock:batches").getReceivedExchanges()) {
            batches.add(exchange.getMessage().getBody(Batch.class));
        }
        return batches;
    }

    @Test
    void batchesNeverExceedTheMaximumSize() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:batches");
        mock.expectedMessageCount(3);

        for (int i = 0; i < 25; i++) {
            send(record("r" + i, "INSERT", "Opportunity", null, null));
        }

        mock.assertIsSatisfied();
        assertEquals(List.of(10, 10, 5), batches().stream().map(Batch::size).toList());
    }

    @Test
    void recordsWithSameMarketoKeyNeverShareABatchAndKeepTheirOrder() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:batches");
        mock.expectedMessageCount(2);

        send(record("first", "UPSERT", "Opportunity", null, "OPP-1"));
        send(record("other", "UPSERT", "Opportunity", 64, null));
        send(record("second", "UPSERT", "Opportunity", null, "OPP-1"));
        send(record("third", "UPSERT", "Opportunity", 65, null));

        mock.assertIsSatisfied();
        List<Batch> batches = batches();
        assertEquals(List.of("first", "other"), batches.get(0).records().stream().map(SyncRecord::recordId).toList());
        assertEquals(List.of("second", "third"), batches.get(1).records().stream().map(SyncRecord::recordId).toList());
        for (Batch batch : batches) {
            Set<String> keys = new HashSet<>();
            batch.records().forEach(r -> assertTrue(keys.add(r.marketoKey())));
        }
    }

    @Test
    void aRecordNamingAnObjectByIdAndExternalKeyBlocksBothKeys() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:batches");
        mock.expectedMessageCount(3);

        send(record("by-key", "UPSERT", "Opportunity", null, "OPP-2"));
        send(new SyncRecord("both", "Opportunity", "UPSERT", 1001, new KeyValue("ExtOpptyId", "OPP-2"), Map.of(),
                List.of(), List.of(), "{}", SourceRef.fileLine("t.ndjson", 1)));
        send(record("by-id", "UPSERT", "Opportunity", 1001, null));

        mock.assertIsSatisfied();
        assertEquals(List.of(List.of("by-key"), List.of("both"), List.of("by-id")), batches().stream()
                .map(b -> b.records().stream().map(SyncRecord::recordId).toList()).toList());
    }

    @Test
    void operationAndTypeAreNeverMixed() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:batches");
        mock.expectedMessageCount(3);

        send(record("a", "INSERT", "Opportunity", null, null));
        send(record("b", "UPDATE", "Opportunity", 5, null));
        send(record("c", "INSERT", "OpportunityPersonRole", null, null));
        send(record("d", "INSERT", "Opportunity", null, null));

        mock.assertIsSatisfied();
        for (Batch batch : batches()) {
            batch.records().forEach(r -> assertEquals(batch.operation() + ":" + batch.type(), r.batchKey()));
        }
        assertEquals(4, batches().stream().mapToInt(Batch::size).sum());
    }

    @Test
    void aLoneRecordIsFlushedByTheTimeout() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:batches");
        mock.expectedMessageCount(1);

        send(record("lone", "INSERT", "Opportunity", null, null));

        mock.assertIsSatisfied();
        assertEquals(1, batches().get(0).size());
        assertEquals("timeout", mock.getReceivedExchanges().get(0).getProperty(Exchange.AGGREGATED_COMPLETED_BY));
    }

    @Test
    void openBatchesAreFlushedOnShutdown() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:batches");
        send(record("x", "INSERT", "Opportunity", null, null));
        send(record("y", "UPDATE", "Opportunity", 7, null));

        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());

        assertEquals(2, mock.getReceivedCounter());
    }
}
