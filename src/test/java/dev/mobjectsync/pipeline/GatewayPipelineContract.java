package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.only;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketo.mktows.ParamsGetMObjects;

import dev.mobjectsync.batch.BatchSizes;
import dev.mobjectsync.simulator.CallLog;
import dev.mobjectsync.simulator.FaultInjector;
import dev.mobjectsync.simulator.SimulatorState;

import jakarta.inject.Inject;

/**
 * The end-to-end file-drop suite that every gateway must pass (DESIGN.md §5, §8b): the same files, the
 * same channels, the same statuses, whichever gateway {@code mobject-sync.marketo.api} chose. Each
 * subclass runs it against one gateway, through the real HTTP simulator; every test checks the
 * accounting: each record leaves through exactly one channel, once.
 */
abstract class GatewayPipelineContract {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    CallLog callLog;

    @Inject
    BatchSizes sizes;

    @Inject
    SimulatorState marketo;

    @Inject
    FaultInjector faults;

    /** The gateway under test, as mobject-sync.marketo.api names it. */
    abstract String api();

    /** The simulator's name of the call that writes opportunities on this gateway. */
    abstract String opportunityCall();

    @BeforeEach
    void cleanSlate() {
        faults.set(FaultInjector.Settings.none());
        callLog.clear();
    }

    /** Every record with the prefix left through exactly one channel, and no more came later. */
    static void awaitAccounting(String prefix, int expected) {
        Outbox.awaitAll(prefix, expected, PATIENCE);
        List<String> ids = Stream.concat(success(prefix).stream(), deadLetter(prefix).stream())
                .map(e -> e.path("recordId").asText()).toList();
        assertEquals(expected, ids.size(), "in == success + dead-letter: " + ids);
        assertEquals(expected, ids.stream().distinct().count(), "no record leaves twice: " + ids);
    }

    static Map<String, String> statuses(List<JsonNode> successes) {
        return successes.stream().collect(Collectors.toMap(e -> e.get("recordId").asText(),
                e -> e.at("/result/status").asText()));
    }

    @Test
    void theGatewayUnderTestIsTheConfiguredOne() {
        assertEquals(api(), ConfigProvider.getConfig().getValue("mobject-sync.marketo.api", String.class));
    }

    @Test
    void mixedFileEndsUpRecordByRecordInTheRightChannel() {
        String p = api() + "-mix-";
        drop(p + "mixed.ndjson", """
                {"recordId":"%1$sp1","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-07","Amount":"500","Note":"ads"}}]}
                {"recordId":"%1$sp2","type":"Program","operation":"UPDATE","id":1971,"typeAttributes":[{"attrType":"Tag","attributes":{"Type":"Region","Value":"Atlantis"}}]}
                {"recordId":"%1$sp3","type":"Program","operation":"UPDATE","id":4242,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"10"}}]}
                {"recordId":"%1$so1","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"%1$s1"},"attributes":{"Name":"Q1 2014","Amount":"2000","Probability":"80"},"associations":[{"type":"Company","externalKey":{"name":"ExtCompId","value":"ACME"}}]}
                {"recordId":"%1$so2","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"%1$s1"},"attributes":{"Name":"duplicate"}}
                {"recordId":"%1$so3","type":"Opportunity","operation":"UPDATE","externalKey":{"name":"ExtOpptyId","value":"%1$s404"},"attributes":{"Name":"nobody"}}
                {"recordId":"%1$so4","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"%1$s2"},"attributes":{"Name":"Q2","Colour":"red"}}
                {"recordId":"%1$so5","type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"%1$s3"},"attributes":{"Name":"default operation"}}
                {"recordId":"%1$sbad1","type":"Bogus","operation":"INSERT"}
                """.formatted(p));

        awaitAccounting(p, 9);
        List<JsonNode> ok = success(p);
        List<JsonNode> dead = deadLetter(p);
        assertEquals(Map.of(p + "p1", "UPDATED", p + "o1", "CREATED", p + "o5", "CREATED"), statuses(ok));
        assertEquals("Q1 2014", only(ok, p + "o1").at("/attributes/Name").asText(),
                "the input record travels unchanged");
        assertMarketoRefused(dead, p + "p2", "Atlantis");
        assertMarketoRefused(dead, p + "p3", "4242");
        assertMarketoRefused(dead, p + "o2", "already exists");
        assertMarketoRefused(dead, p + "o3", "does not exist");
        assertMarketoRefused(dead, p + "o4", "Colour");
        assertEquals("UNKNOWN_TYPE", only(dead, p + "bad1").at("/error/code").asText());
        assertTrue(!only(ok, p + "o1").at("/result/batchId").asText()
                .equals(only(dead, p + "o2").at("/error/batchId").asText()),
                "two records for one key never share a call");
    }

    private static void assertMarketoRefused(List<JsonNode> dead, String recordId, String messagePart) {
        JsonNode error = only(dead, recordId).get("error");
        assertEquals("marketo", error.get("stage").asText(), error.toString());
        assertTrue(error.get("message").asText().contains(messagePart), error.toString());
        assertEquals("file", only(dead, recordId).at("/source/channel").asText());
    }

    @Test
    void bulkOpportunitiesGoInCallsOfTheGatewaysSize() {
        String p = api() + "-bulk-";
        drop(p + "bulk.ndjson", Outbox.opportunities(p, 250));

        awaitAccounting(p, 250);
        assertEquals(250, success(p).size());
        int size = sizes.of("Opportunity");
        List<Integer> calls = callLog.syncCalls().stream().map(CallLog.Call::objects).toList();
        assertEquals((250 + size - 1) / size, calls.size(), calls.toString());
        assertTrue(calls.stream().allMatch(objects -> objects <= size), calls.toString());
        assertEquals(250, calls.stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of(opportunityCall()), callLog.syncCalls().stream().map(CallLog.Call::operation).distinct()
                .toList(), "the configured gateway made the calls");
    }

    @Test
    void aLoneRecordIsFlushedAfterTheBatchTimeout() {
        String p = api() + "-lone-";
        drop(p + "lone.ndjson", "{\"recordId\":\"" + p + "1\",\"type\":\"Opportunity\",\"operation\":\"INSERT\","
                + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + p
                + "1\"},\"attributes\":{\"Name\":\"alone\"}}\n");

        awaitAccounting(p, 1);
        assertEquals("CREATED", only(success(p), p + "1").at("/result/status").asText());
        assertEquals(List.of(1), callLog.syncCalls().stream().map(CallLog.Call::objects).toList());
    }

    @Test
    void csvFileIsSynced() {
        String p = api() + "-csv-";
        drop(p + "crm.csv", """
                recordId,type,operation,id,externalKey.ExtOpptyId,attr.Name,attr.Amount,cost.Month,cost.Amount,tag.Type,tag.Value
                %1$so1,Opportunity,UPSERT,,%1$s1,"Deal, with comma",1500,,,,
                %1$sp1,Program,UPDATE,2001,,,,2014-03,900,Region,APAC
                %1$sbad,Program,UPDATE,2001,,,,2014-3,900,,
                """.formatted(p));

        awaitAccounting(p, 3);
        assertEquals(Map.of(p + "o1", "CREATED", p + "p1", "UPDATED"), statuses(success(p)));
        assertEquals("Deal, with comma", only(success(p), p + "o1").at("/attributes/Name").asText());
        assertEquals("BAD_MONTH", only(deadLetter(p), p + "bad").at("/error/code").asText());
        ParamsGetMObjects program = new ParamsGetMObjects();
        program.setType("Program");
        program.setId(2001);
        program.setIncludeDetails(true);
        assertTrue(marketo.get(program).getMObjectList().getMObject().get(0).getTypeAttribList().getTypeAttrib()
                .stream().anyMatch(t -> t.getAttrList().getAttrib().stream().anyMatch(a -> "APAC".equals(a
                        .getValue()))),
                "Marketo holds the new tag");
    }

    @Test
    void rolesLinkToOpportunitiesCreatedEarlier() {
        String p = api() + "-link-";
        drop(p + "opps.ndjson", """
                {"recordId":"%1$so1","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"%1$s1"},"attributes":{"Name":"Linked deal","Amount":"5000"}}
                """.formatted(p));
        awaitAccounting(p + "o", 1);

        drop(p + "roles.ndjson", """
                {"recordId":"%1$sr1","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"Role":"Buyer","IsPrimary":"true"},"associations":[{"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"%1$s1"}},{"type":"Lead","id":20}]}
                {"recordId":"%1$sr2","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"Role":"Champion"},"associations":[{"type":"Opportunity","externalKey":{"name":"ExtOpptyId","value":"%1$sNOPE"}},{"type":"Lead","id":21}]}
                """.formatted(p));
        awaitAccounting(p + "r", 2);
        assertEquals(Map.of(p + "r1", "CREATED"), statuses(success(p + "r")));
        assertMarketoRefused(deadLetter(p + "r"), p + "r2", p + "NOPE");
        ParamsGetMObjects roles = new ParamsGetMObjects();
        roles.setType("OpportunityPersonRole");
        assertTrue(marketo.get(roles).getMObjectList().getMObject().stream()
                .anyMatch(r -> r.getAttribList().getAttrib().stream().anyMatch(a -> "PersonId".equals(a.getName())
                        && "20".equals(a.getValue()))), "Marketo holds the role");
        assertEquals(List.of(), deadLetter(p + "o"), "the opportunity went through");
    }
}
