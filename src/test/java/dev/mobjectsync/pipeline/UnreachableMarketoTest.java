package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.success;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Marketo cannot be reached at all: each call is retried up to mobject-sync.retry.max-attempts, then
 * every record of the batch goes to dead-letter as a transport error with the number of attempts.
 */
@QuarkusTest
@TestProfile(UnreachableMarketoTest.NothingListens.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class UnreachableMarketoTest {

    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                // another endpoint than the application's own: the simulator is off and the demo credentials refused
                return Map.of("mobject-sync.marketo.endpoint",
                        "http://127.0.0.1:" + socket.getLocalPort() + "/soap/mktows/2_3",
                        "mobject-sync.marketo.user-id", "unreachable_user_1", "mobject-sync.marketo.secret-key",
                        "unreachable-key",
                        "mobject-sync.retry.max-attempts", "3", "mobject-sync.retry.initial-backoff", "100");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void transportErrorDeadLettersEveryRecordOfTheBatch() {
        drop("offline.ndjson", """
                {"recordId":"offline-1","type":"Opportunity","operation":"INSERT","attributes":{"Name":"a"}}
                {"recordId":"offline-2","type":"Opportunity","operation":"INSERT","attributes":{"Name":"b"}}
                {"recordId":"offline-3","type":"Program","operation":"UPDATE","id":1970,"typeAttributes":[{"attrType":"Tag","attributes":{"Type":"Region","Value":"EMEA"}}]}
                """);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> deadLetter("offline-").size() >= 3);
        List<JsonNode> dead = deadLetter("offline-");
        assertEquals(3, dead.size());
        assertEquals(0, success("offline-").size());
        for (JsonNode envelope : dead) {
            assertEquals("transport", envelope.at("/error/stage").asText(), envelope.toString());
            assertEquals("CONNECTION_REFUSED", envelope.at("/error/code").asText(), envelope.toString());
            assertEquals(false, envelope.at("/error/message").asText().isBlank(), envelope.toString());
            assertEquals(3, envelope.at("/error/attempts").asInt(), "a refused connection is retried");
        }
    }

    @Test
    void marketoAwayIsReportedWithoutFailingLivenessOrReadiness() {
        drop("unreachable-health.ndjson", """
                {"recordId":"unreachable-health-1","type":"Opportunity","operation":"INSERT","attributes":{"Name":"a"}}
                """);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> deadLetter("unreachable-health-")
                .size() == 1);
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'Marketo endpoint' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Marketo endpoint' }.data.reachable", equalTo(false));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mobject_sync_marketo_retries_total{code=\"CONNECTION_REFUSED\"}"));
    }

    /** The client the simulator would accept (the packaged demo one: this profile's REST URLs are the application's own). */
    @ConfigProperty(name = "mobject-sync.marketo.rest.client-id")
    String clientId;

    @ConfigProperty(name = "mobject-sync.marketo.rest.client-secret")
    String clientSecret;

    @Test
    void theSimulatorServesNothingOnceAnotherEndpointIsConfigured() {
        given().get("/api/status").then().statusCode(200)
                .body("simulator.active", equalTo(false)).body("simulator.mode", equalTo("auto"));
        // nothing answers these (a POST nobody handles: 405 from the static resources)
        given().get("/soap/mktows/2_3?wsdl").then().statusCode(not(equalTo(200)));
        given().queryParam("grant_type", "client_credentials").queryParam("client_id", clientId)
                .queryParam("client_secret", clientSecret).post("/identity/oauth/token").then()
                .statusCode(not(equalTo(200)));
        given().contentType("application/json").body("{}").post("/rest/v1/opportunities.json").then()
                .statusCode(not(equalTo(200)));
        given().get("/simulator/calls").then().statusCode(404);
    }
}
