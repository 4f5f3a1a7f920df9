package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.opportunities;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.simulator.FaultInjector;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Answers that cannot be read (truncated, larger than mobject-sync.marketo.max-answer-chars, or with
 * a DTD and an external entity): retried like a transport error, then dead-lettered as
 * INVALID_RESPONSE; never parsed into outcomes, and the external entity is never fetched.
 */
@QuarkusTest
@TestProfile(BrokenAnswersTest.ThreeAttempts.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class BrokenAnswersTest {

    public static class ThreeAttempts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mobject-sync.retry.max-attempts", "3", "mobject-sync.retry.initial-backoff", "50",
                    "mobject-sync.retry.max-backoff", "200");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    FaultInjector faults;

    @BeforeEach
    @AfterEach
    void noFaults() {
        faults.set(FaultInjector.Settings.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed", "oversized", "dtd"})
    void anUnreadableAnswerIsRetriedThenDeadLettered(String kind) {
        faults.set(FaultInjector.Settings.none().withFailures(1.0, kind));
        String prefix = kind + "-";

        drop(kind + ".ndjson", opportunities(prefix, 10));

        awaitAll(prefix, 10, PATIENCE);
        List<JsonNode> dead = deadLetter(prefix);
        assertEquals(10, dead.size(), "no outcome is read from a broken answer");
        for (JsonNode envelope : dead) {
            assertEquals("INVALID_RESPONSE", envelope.at("/error/code").asText(), envelope.toString());
            assertEquals("transport", envelope.at("/error/stage").asText(), envelope.toString());
            assertEquals(3, envelope.at("/error/attempts").asInt(), "retried, then given up: " + envelope);
            assertFalse(envelope.toString().contains("entity-probe-content"), envelope.toString());
        }
        // At least one broken answer per attempt; after an oversized answer that the client stops
        // reading, the HTTP client sometimes sends the request again on a fresh connection (seen: 9 for 3).
        assertTrue(faults.brokenAnswers() >= 3, "one broken answer per attempt at least: " + faults.brokenAnswers());
        assertEquals(0, faults.entityFetches(), "the DTD's external entity must never be fetched");
    }

    @Test
    void someBrokenAnswersAmongGoodOnesCostRetriesNotRecords() {
        faults.set(FaultInjector.Settings.none().withFailures(0.3, "malformed"));

        drop("sometimes.ndjson", opportunities("sometimes-", 500));

        awaitAll("sometimes-", 500, PATIENCE);
        assertEquals(500, success("sometimes-").size());
        assertTrue(faults.brokenAnswers() > 0, "broken answers were given");
    }
}
