package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.only;
import static dev.mobjectsync.pipeline.Outbox.success;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.simulator.CallLog;
import dev.mobjectsync.simulator.FaultInjector;
import dev.mobjectsync.simulator.RestSimulator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** What only the REST gateway has to get right: tokens, REST's limits and codes, its batch sizes, its gaps. */
@QuarkusTest
@TestProfile(RestGatewayProfile.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class RestGatewayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    CallLog callLog;

    @Inject
    FaultInjector faults;

    @Inject
    RestSimulator restSimulator;

    @BeforeEach
    void cleanSlate() {
        faults.set(FaultInjector.Settings.none());
        callLog.clear();
    }

    private static void awaitAccounting(String prefix, int expected) {
        GatewayPipelineContract.awaitAccounting(prefix, expected);
    }

    /** {@code count} updates adding a cost to Programs first, first+1, ... (seeded 3000-3399). */
    private static String programUpdates(String prefix, int first, int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"recordId\":\"" + prefix + i + "\",\"type\":\"Program\","
                + "\"operation\":\"UPDATE\",\"id\":" + (first + i) + ",\"typeAttributes\":[{\"attrType\":\"Cost\","
                + "\"attributes\":{\"Month\":\"2026-11\",\"Amount\":\"" + (100 + i) + "\"}}]}")
                .collect(Collectors.joining("\n"));
    }

    private List<String> faultCodes() {
        return callLog.syncCalls().stream().map(CallLog.Call::faultCode).filter(code -> code != null).toList();
    }

    @Test
    void tokensExpiringBetweenCallsLoseNoRecord() {
        drop("tok-a.ndjson", Outbox.opportunities("tok-a", 200));
        awaitAccounting("tok-a", 200);
        restSimulator.expireTokens();
        drop("tok-b.ndjson", Outbox.opportunities("tok-b", 200));
        awaitAccounting("tok-b", 200);
        restSimulator.expireTokens();
        drop("tok-c.ndjson", programUpdates("tok-c", 3300, 5));
        awaitAccounting("tok-c", 5);

        assertEquals(405, success("tok-").size(), "every record synced: " + deadLetter("tok-"));
        assertTrue(faultCodes().contains("602"), "the expired token was refused and renewed: " + faultCodes());
    }

    @Test
    void rateLimitBurstsAreRetriedWithBackoff() {
        faults.set(new FaultInjector.Settings(Duration.ZERO, 0, "606", 0, 10, Duration.ofSeconds(2), 0, null, 1));
        drop("burst.ndjson", programUpdates("burst-", 3000, 30));

        awaitAccounting("burst-", 30);
        assertEquals(30, success("burst-").size(), deadLetter("burst-").toString());
        assertTrue(faultCodes().contains("606"), "Marketo's rate limit was hit: " + faultCodes());
        assertTrue(success("burst-").stream().allMatch(e -> "UPDATED".equals(e.at("/result/status").asText())));
    }

    @Test
    void injectedTransientCodesAreRetried() {
        faults.set(FaultInjector.Settings.none().withFailures(0.5, "615"));
        drop("transient.ndjson", programUpdates("transient-", 3040, 10));

        awaitAccounting("transient-", 10);
        assertEquals(10, success("transient-").size(), deadLetter("transient-").toString());
        assertTrue(faultCodes().contains("615"), faultCodes().toString());
    }

    @Test
    void theDailyQuotaHoldsCallsUntilItIsBack() {
        faults.set(FaultInjector.Settings.none().withDailyQuota(3));
        drop("quota.ndjson", programUpdates("quota-", 3060, 6));

        await().atMost(PATIENCE).until(() -> faultCodes().contains("607"));
        faults.newDay();
        awaitAccounting("quota-", 6);
        assertEquals(6, success("quota-").size(), "607 is never a reason to dead-letter: " + deadLetter("quota-"));
    }

    @Test
    void skippedRecordsGoToDeadLetterWithTheirReasonCodes() {
        drop("skip-a.ndjson", """
                {"recordId":"skip-o1","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"SKIP-1"},"attributes":{"Name":"first"}}
                """);
        awaitAccounting("skip-o", 1);
        drop("skip-b.ndjson", """
                {"recordId":"skip-x1","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"SKIP-1"},"attributes":{"Name":"again"}}
                {"recordId":"skip-x2","type":"Opportunity","operation":"UPDATE","externalKey":{"name":"ExtOpptyId","value":"SKIP-404"},"attributes":{"Name":"nobody"}}
                {"recordId":"skip-x3","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"SKIP-2"},"attributes":{"Name":"n","Colour":"red"}}
                {"recordId":"skip-x4","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"SKIP-3"},"attributes":{"Name":"fine"}}
                {"recordId":"skip-x5","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"SKIP-4"},"attributes":{"Amount":"10"}}
                {"recordId":"skip-x6","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"SKIP-1"},"attributes":{"Amount":"20"}}
                {"recordId":"skip-x7","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"SKIP-5"},"attributes":{"Amount":"30"}}
                """);

        awaitAccounting("skip-x", 7);
        Map<String, String> codes = deadLetter("skip-x").stream().collect(Collectors.toMap(
                e -> e.get("recordId").asText(), e -> e.at("/error/status").asText() + " " + e.at("/error/code")
                        .asText()));
        // Without Name: an INSERT is refused before any call; an UPSERT is sent, and Marketo (here the simulator)
        // refuses it only when it would create the Opportunity (1002, a required value missing).
        assertEquals(Map.of("skip-x1", "SKIPPED 1017", "skip-x2", "SKIPPED 1013", "skip-x3", "SKIPPED 1006",
                "skip-x5", "SKIPPED 1002", "skip-x7", "INVALID MISSING_NAME"), codes);
        JsonNode created = only(success("skip-"), "skip-x4");
        assertEquals("CREATED", created.at("/result/status").asText());
        assertTrue(created.at("/result/marketoGuid").asText().matches("[0-9a-f-]{36}"), created.toString());
        assertEquals("UPDATED", only(success("skip-"), "skip-x6").at("/result/status").asText());
        assertEquals(2, callLog.syncCalls().stream().filter(call -> "INSERT".equals(call.syncOperation()))
                .mapToInt(CallLog.Call::objects).sum(), "skip-o1 and skip-x1 created; skip-x7 (no Name) not sent: "
                        + callLog.syncCalls());
    }

    @Test
    void theIdentityServiceTakesTheCredentialsInTheQueryOrInAFormBody() {
        String id = ConfigProvider.getConfig().getValue("mobject-sync.marketo.rest.client-id", String.class);
        String secret = ConfigProvider.getConfig().getValue("mobject-sync.marketo.rest.client-secret", String.class);

        given().queryParam("grant_type", "client_credentials").queryParam("client_id", id)
                .queryParam("client_secret", secret).post("/identity/oauth/token")
                .then().statusCode(200).body("token_type", equalTo("bearer"));
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", id).formParam("client_secret", secret).post("/identity/oauth/token")
                .then().statusCode(200).body("token_type", equalTo("bearer"));
        given().queryParam("grant_type", "client_credentials").queryParam("client_id", id)
                .queryParam("client_secret", secret + "-wrong").post("/identity/oauth/token")
                .then().statusCode(401);
    }

    @Test
    void threeHundredOpportunitiesGoInOneCall() {
        drop("three-hundred.ndjson", Outbox.opportunities("three-hundred-", 300));

        awaitAccounting("three-hundred-", 300);
        assertEquals(300, success("three-hundred-").size());
        assertEquals(List.of(300), callLog.syncCalls().stream().map(CallLog.Call::objects).toList());
    }

    @Test
    void hundredProgramUpdatesAreHundredCallsWithinTheRateLimit() {
        faults.set(new FaultInjector.Settings(Duration.ZERO, 0, "606", 0, 100, Duration.ofSeconds(5), 0, null, 1));
        drop("hundred.ndjson", programUpdates("hundred-", 3100, 100));

        awaitAccounting("hundred-", 100);
        assertEquals(100, success("hundred-").size(), deadLetter("hundred-").toString());
        List<CallLog.Call> calls = callLog.syncCalls();
        assertEquals(100, calls.size(), calls.toString());
        assertTrue(calls.stream().allMatch(call -> call.objects() == 1 && call.faultCode() == null), calls.toString());
    }

    @Test
    void recordsRestCannotExpressAreDeadLetteredWithTheReason() {
        drop("gap.ndjson", """
                {"recordId":"gap-1","type":"Opportunity","operation":"UPDATE","id":1001,"attributes":{"Name":"by integer id"}}
                {"recordId":"gap-2","type":"Program","operation":"UPDATE","id":3200,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"2000","Id":"153"}}]}
                {"recordId":"gap-3","type":"Program","operation":"UPDATE","id":3201,"typeAttributes":[{"attrType":"Tag","attributes":{"Type":"Channel","Value":"Tradeshow"}}]}
                {"recordId":"gap-4","type":"OpportunityPersonRole","operation":"INSERT","attributes":{"OpportunityId":"1001","PersonId":"19","Role":"Buyer"}}
                {"recordId":"gap-5","type":"Program","operation":"UPDATE","id":3202,"typeAttributes":[{"attrType":"Cost","attributes":{"Month":"2013-06","Amount":"10.5"}}]}
                {"recordId":"gap-6","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"marketoGUID","value":"00000000-0000-4000-8000-000000001001"},"attributes":{"Name":"create by GUID"}}
                """);

        awaitAccounting("gap-", 6);
        Map<String, String> codes = deadLetter("gap-").stream().collect(Collectors.toMap(
                e -> e.get("recordId").asText(), e -> e.at("/error/stage").asText() + " " + e.at("/error/code")
                        .asText()));
        assertEquals(Map.of("gap-1", "validation REST_KEY_NOT_EXPRESSIBLE", "gap-2",
                "validation REST_COST_ID_UNSUPPORTED",
                "gap-3", "validation REST_CHANNEL_NOT_UPDATABLE", "gap-4", "validation REST_KEY_NOT_EXPRESSIBLE",
                "gap-5", "validation REST_COST_NOT_INTEGER", "gap-6", "validation REST_KEY_NOT_EXPRESSIBLE"), codes);
        assertTrue(only(deadLetter("gap-"), "gap-1").at("/error/message").asText().contains("integer id"));
        assertEquals(List.of(), callLog.syncCalls(), "nothing REST cannot express is sent");
    }

    @Test
    void updatesByMarketoGuidAndByExternalKeyTogetherAreSentInSeparateCalls() {
        drop("guid-a.ndjson", """
                {"recordId":"guid-o1","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"GUID-1"},"attributes":{"Name":"one"}}
                {"recordId":"guid-o2","type":"Opportunity","operation":"INSERT","externalKey":{"name":"ExtOpptyId","value":"GUID-2"},"attributes":{"Name":"two"}}
                """);
        awaitAccounting("guid-o", 2);
        String guid = only(success("guid-o"), "guid-o1").at("/result/marketoGuid").asText();
        callLog.clear();
        drop("guid-b.ndjson", """
                {"recordId":"guid-u1","type":"Opportunity","operation":"UPDATE","externalKey":{"name":"marketoGUID","value":"%s"},"attributes":{"Name":"one, renamed"}}
                {"recordId":"guid-u2","type":"Opportunity","operation":"UPDATE","externalKey":{"name":"ExtOpptyId","value":"GUID-2"},"attributes":{"Name":"two, renamed"}}
                """.formatted(guid));

        awaitAccounting("guid-u", 2);
        assertEquals(Map.of("guid-u1", "UPDATED", "guid-u2", "UPDATED"), GatewayPipelineContract.statuses(success(
                "guid-u")));
        assertEquals(List.of(1, 1), callLog.syncCalls().stream().map(CallLog.Call::objects).toList());
    }
    /**
     * A call is keyed by marketoGUID or by external key, never both: records alternating between the two kinds go
     * in calls of one kind each, ⌈n / 300⌉ calls per kind, instead of batches halved down to single records.
     */
    @Test
    void alternatingKeyKindsMakeFullCallsOfEachKind() {
        int perKind = 350;
        drop("kinds-a.ndjson", Outbox.opportunities("kinds-", 2 * perKind));
        awaitAccounting("kinds-", 2 * perKind);
        Map<String, String> guids = success("kinds-").stream().collect(Collectors.toMap(
                e -> e.get("recordId").asText(), e -> e.at("/result/marketoGuid").asText()));
        callLog.clear();
        drop("kinds-b.ndjson", IntStream.range(0, 2 * perKind).mapToObj(i -> {
            String key = i % 2 == 0
                    ? "{\"name\":\"marketoGUID\",\"value\":\"" + guids.get("kinds-" + i) + "\"}"
                    : "{\"name\":\"ExtOpptyId\",\"value\":\"kinds-" + i + "\"}";
            return "{\"recordId\":\"kinds-u" + i + "\",\"type\":\"Opportunity\",\"operation\":\"UPDATE\","
                    + "\"externalKey\":" + key + ",\"attributes\":{\"Name\":\"renamed " + i + "\"}}";
        }).collect(Collectors.joining("\n")));

        awaitAccounting("kinds-u", 2 * perKind);
        assertEquals(2 * perKind, success("kinds-u").size(), deadLetter("kinds-u").toString());
        // a file is read in units of 300 lines: a kind's records may go as 300 + 50 or as 150 + 200, two calls
        List<Integer> calls = callLog.syncCalls().stream().map(CallLog.Call::objects).toList();
        assertEquals(2 * ((perKind + 299) / 300), calls.size(), "⌈350 / 300⌉ calls per kind: " + calls);
        assertEquals(2 * perKind, calls.stream().mapToInt(Integer::intValue).sum(), calls.toString());
    }
}
