package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.only;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketo.mktows.MObject;

import dev.mobjectsync.MarketoQueries;
import dev.mobjectsync.marketo.RequestSigner;
import dev.mobjectsync.simulator.CallLog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The embedded pipeline end to end: files into the inbox, SOAP calls to the real HTTP simulator, NDJSON out. */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class FileDropPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    CallLog callLog;

    @Inject
    ProducerTemplate producer;

    @Inject
    RequestSigner signer;

    @BeforeEach
    void clearCallLog() {
        callLog.clear();
    }

    /**
     * Waits until every record with the prefix has left through one channel and the count has stayed
     * put for a while (so a late duplicate is seen), then checks each left exactly once.
     */
    private static void awaitAccounting(String prefix, int expected) {
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> success(prefix).size() + deadLetter(prefix).size() >= expected);
        await().during(Duration.ofMillis(1500)).atMost(PATIENCE).ignoreExceptions()
                .until(() -> success(prefix).size() + deadLetter(prefix).size() == expected);
        List<String> ids = java.util.stream.Stream.concat(success(prefix).stream(), deadLetter(prefix).stream())
                .map(e -> e.path("recordId").asText()).toList();
        assertEquals(expected, ids.size(), "in == success + dead-letter");
        assertEquals(expected, ids.stream().distinct().count(), "no record leaves twice: " + ids);
    }

    @Test
    void mixedFileEndsUpRecordByRecordInTheRightChannel() {
        drop("mixed.ndjson", """
                {"recordId":"mix-p1","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000","Id":"153"}}]}
                {"recordId":"mix-p2","type":"Program","operation":"UPDATE","id":1971,"typeAttributes":[{"attrType":"Tag","attributes":{"Type":"Region","Value":"Atlantis"}}]}
                {"recordId":"mix-p3","type":"Program","operation":"UPDATE","id":4242,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"10"}}]}
                {"recordId":"mix-p4","type":"Program","operation":"INSERT","id":1970}
                {"recordId":"mix-o1","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"MIX-1"},"attributes":{"Name":"Q1 2014","Amount":"2000","Probability":"80"},"associations":[{"type":"Company","externalKey":{"name":"ExtCompId","value":"ACME"}}]}
                {"recordId":"mix-o2","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"MIX-1"},"attributes":{"Name":"duplicate"}}
                {"recordId":"mix-o3","type":"Opportunity","operation":"UPDATE","externalKey":{"name":"ExtOpptyId","value":"MIX-404"},"attributes":{"Name":"nobody"}}
                {"recordId":"mix-o4","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"MIX-2"},"attributes":{"Name":"Q2","Colour":"red"}}
                {"recordId":"mix-o5","type":"Opportunity","attributes":{"Name":"default operation"}}
                {"recordId":"mix-bad1","type":"Bogus","operation":"INSERT"}
                {"recordId":"mix-bad2","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"June","Amount":"1"}}]}
                {"recordId":"mix-bad3", this is not json
                """);

        awaitAccounting("mix-", 12);
        List<JsonNode> ok = success("mix-");
        List<JsonNode> dead = deadLetter("mix-");
        assertEquals(Map.of("mix-p1", "UPDATED", "mix-o1", "CREATED", "mix-o5", "CREATED"),
                ok.stream().collect(Collectors.toMap(e -> e.get("recordId").asText(), e -> e.at("/result/status")
                        .asText())));
        assertEquals(1970, only(ok, "mix-p1").at("/result/marketoId").asInt());
        assertTrue(only(ok, "mix-o1").at("/result/marketoId").asInt() > 0);
        assertEquals("mixed.ndjson#1", only(ok, "mix-p1").at("/source/ref").asText());
        assertEquals("Q1 2014", only(ok, "mix-o1").at("/attributes/Name").asText(),
                "the input record travels unchanged");

        assertFailure(dead, "mix-p2", "marketo", "FAILED", "Atlantis");
        assertFailure(dead, "mix-p3", "marketo", "SKIPPED", "4242");
        assertFailure(dead, "mix-p4", "validation", "PROGRAM_REQUIRES_UPDATE", "UPDATE");
        assertFailure(dead, "mix-o2", "marketo", "SKIPPED", "already exists");
        assertFailure(dead, "mix-o3", "marketo", "SKIPPED", "does not exist");
        assertFailure(dead, "mix-o4", "marketo", "FAILED", "Colour");
        assertFailure(dead, "mix-bad1", "validation", "UNKNOWN_TYPE", "Bogus");
        assertFailure(dead, "mix-bad2", "validation", "BAD_MONTH", "June");
        JsonNode unparsable = dead.stream().filter(e -> e.path("raw").asText().contains("mix-bad3")).findFirst()
                .orElseThrow();
        assertEquals("UNPARSABLE_JSON", unparsable.at("/error/code").asText());
        assertEquals("mixed.ndjson#12", unparsable.at("/source/ref").asText());

        String o1Batch = only(ok, "mix-o1").at("/result/batchId").asText();
        String o2Batch = only(dead, "mix-o2").at("/error/batchId").asText();
        assertTrue(!o1Batch.equals(o2Batch), "two records for one Marketo key never share a call");
    }

    private static void assertFailure(List<JsonNode> dead, String recordId, String stage, String codeOrStatus,
            String messagePart) {
        JsonNode error = only(dead, recordId).get("error");
        assertEquals(stage, error.get("stage").asText(), error.toString());
        assertTrue(codeOrStatus.equals(error.get("code").asText()) || codeOrStatus.equals(error.get("status").asText()),
                error.toString());
        assertTrue(error.get("message").asText().contains(messagePart), error.toString());
        assertEquals("file", only(dead, recordId).at("/source/channel").asText());
    }

    @Test
    void twoHundredFiftyRecordsTakeThreeCallsOfAtMostHundred() {
        drop("bulk.ndjson", IntStream.range(0, 250)
                .mapToObj(i -> "{\"recordId\":\"bulk-" + i + "\",\"type\":\"Opportunity\",\"operation\":\"INSERT\","
                        + "\"attributes\":{\"Name\":\"Deal " + i + "\",\"Amount\":\"" + i + "\"}}")
                .collect(Collectors.joining("\n")));

        awaitAccounting("bulk-", 250);
        assertEquals(250, success("bulk-").size());
        List<Integer> sizes = callLog.syncCalls().stream().map(CallLog.Call::objects).toList();
        assertEquals(3, sizes.size(), sizes.toString());
        assertTrue(sizes.stream().allMatch(size -> size <= 100), sizes.toString());
        assertEquals(250, sizes.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aLoneRecordIsFlushedAfterTheBatchTimeout() {
        drop("lone.ndjson",
                "{\"recordId\":\"lone-1\",\"type\":\"Opportunity\",\"operation\":\"INSERT\",\"attributes\":{\"Name\":\"alone\"}}\n");

        awaitAccounting("lone-", 1);
        assertEquals("CREATED", only(success("lone-"), "lone-1").at("/result/status").asText());
        assertEquals(List.of(1), callLog.syncCalls().stream().map(CallLog.Call::objects).toList());
    }

    @Test
    void csvFileIsSynced() {
        drop("crm.csv", """
                recordId,type,operation,id,externalKey.ExtOpptyId,attr.Name,attr.Amount,cost.Month,cost.Amount,tag.Type,tag.Value
                csv-o1,Opportunity,UPSERT,,CSV-1,"Deal, with comma",1500,,,,
                csv-p1,Program,UPDATE,2001,,,,2014-03,900,Region,APAC
                csv-bad,Program,UPDATE,2001,,,,2014-3,900,,
                """);

        awaitAccounting("csv-", 3);
        assertEquals("CREATED", only(success("csv-"), "csv-o1").at("/result/status").asText());
        assertEquals("Deal, with comma", only(success("csv-"), "csv-o1").at("/attributes/Name").asText());
        assertEquals("UPDATED", only(success("csv-"), "csv-p1").at("/result/status").asText());
        assertEquals("BAD_MONTH", only(deadLetter("csv-"), "csv-bad").at("/error/code").asText());
    }

    @Test
    void jsonArrayFileIsSynced() {
        drop("array.json", """
                [
                  {"recordId":"arr-1","type":"Opportunity","operation":"INSERT","attributes":{"Name":"A"}},
                  {"recordId":"arr-2","type":"Opportunity","operation":"INSERT","attributes":{"Name":"B"}},
                  {"recordId":"arr-3","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"Role":"Champion"}}
                ]
                """);

        awaitAccounting("arr-", 3);
        assertEquals(2, success("arr-").size());
        assertEquals("MISSING_ATTRIBUTE", only(deadLetter("arr-"), "arr-3").at("/error/code").asText());
    }

    @Test
    void rolesLinkToOpportunitiesCreatedEarlierAndTheSimulatorHoldsThem() {
        drop("opps.ndjson", """
                {"recordId":"link-o1","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"LINK-1"},"attributes":{"Name":"Linked deal","Amount":"5000"}}
                """);
        awaitAccounting("link-o", 1);
        int opportunityId = only(success("link-o"), "link-o1").at("/result/marketoId").asInt();

        drop("roles.ndjson", """
                {"recordId":"link-r1","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"OpportunityId":"%d","PersonId":"19","Role":"Champion"}}
                {"recordId":"link-r2","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"Role":"Buyer"},"associations":[{"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"LINK-1"}},{"type":"Lead","id":20}]}
                {"recordId":"link-r3","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"OpportunityId":"999999","PersonId":"19"}}
                """.formatted(opportunityId));
        awaitAccounting("link-r", 3);
        assertEquals(2, success("link-r").size());
        assertTrue(only(deadLetter("link-r"), "link-r3").at("/error/message").asText().contains("999999"));

        List<MObject> found = MarketoQueries.opportunitiesByExternalKey(producer, signer, "LINK-1");
        assertEquals(1, found.size());
        assertEquals(opportunityId, found.get(0).getId());
        assertTrue(found.get(0).getAttribList().getAttrib().stream()
                .anyMatch(a -> a.getName().equals("Name") && a.getValue().equals("Linked deal")));
    }
}
