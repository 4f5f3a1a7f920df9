package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.success;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The client signs with a key Marketo (the simulator) does not accept: every record is dead-lettered, none lost. */
@QuarkusTest
@TestProfile(WrongSecretTest.SimulatorExpectsAnotherKey.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class WrongSecretTest {

    static final String CLIENT_SECRET = "client-side-demo-secret-value";

    public static class SimulatorExpectsAnotherKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mobject-sync.marketo.secret-key", CLIENT_SECRET,
                    "mobject-sync.simulator.secret-key", "the-key-marketo-knows");
        }
    }

    @Test
    void everyRecordGoesToDeadLetterWithCode20014() {
        drop("denied.ndjson", IntStream.range(0, 120)
                .mapToObj(i -> "{\"recordId\":\"denied-" + i + "\",\"type\":\"Opportunity\",\"operation\":\"INSERT\","
                        + "\"attributes\":{\"Name\":\"n" + i + "\"}}")
                .collect(Collectors.joining("\n")));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> deadLetter("denied-").size() >= 120);
        List<JsonNode> dead = deadLetter("denied-");
        assertEquals(120, dead.size());
        assertEquals(0, success("denied-").size());
        for (JsonNode envelope : dead) {
            assertEquals("marketo", envelope.at("/error/stage").asText());
            assertEquals("20014", envelope.at("/error/code").asText());
            assertEquals(
                    "Authentication failed (20014) (Marketo refused the signature: check mobject-sync.marketo.user-id"
                            + " and mobject-sync.marketo.secret-key)", envelope.at("/error/message").asText());
            assertFalse(envelope.toString().contains(CLIENT_SECRET), "the secret key never reaches a channel");
        }
        assertEquals(2, dead.stream().map(e -> e.at("/error/batchId").asText()).distinct().count());
    }

    @Test
    void theStatusPageIsRedAndPointsAtTheCredentials() {
        drop("denied-state.ndjson",
                "{\"recordId\":\"denied-state-1\",\"type\":\"Opportunity\",\"operation\":\"INSERT\","
                        + "\"attributes\":{\"Name\":\"n\"}}");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> deadLetter("denied-state-").size() == 1);
        given().get("/api/status").then().statusCode(200)
                .body("state.level", equalTo("error"))
                .body("state.reason", startsWith(
                        "Marketo refuses authentication (20014): Authentication failed (20014)"))
                .body("state.reason", containsString(
                        "check mobject-sync.marketo.user-id and mobject-sync.marketo.secret-key"))
                .body("latestCall.answered", equalTo(true))
                .body("latestCall.code", equalTo("20014"));
    }

    @Test
    void readinessIsUpWhileRoutesRun() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
