package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.simulator.CallLog;
import dev.mobjectsync.simulator.FaultInjector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The pipeline against a misbehaving Marketo (the simulator's fault injection), with short retry backoffs. */
@QuarkusTest
@TestProfile(FaultInjectionTest.QuickRetries.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class FaultInjectionTest {

    public static class QuickRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mobject-sync.retry.max-attempts", "10", "mobject-sync.retry.initial-backoff", "50",
                    "mobject-sync.retry.max-backoff", "1000");
        }
    }

    @Inject
    FaultInjector faults;

    @Inject
    CallLog callLog;

    @BeforeEach
    void reset() {
        faults.set(FaultInjector.Settings.none());
        callLog.clear();
    }

    @AfterEach
    void noMoreFaults() {
        faults.set(FaultInjector.Settings.none());
    }

    private static String records(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"recordId\":\"" + prefix + i + "\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                        + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + prefix + i + "\"},"
                        + "\"attributes\":{\"Name\":\"n" + i + "\"}}")
                .collect(Collectors.joining("\n"));
    }

    private static void awaitAll(String prefix, int count) {
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> success(prefix).size() + deadLetter(prefix).size() >= count);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> success(prefix).size() + deadLetter(prefix).size() == count);
    }

    @Test
    void thirtyPercentTransientFaultsStillDeliverEverything() {
        faults.set(FaultInjector.Settings.none().withFailures(0.3, "20023"));

        drop("flaky.ndjson", records("flaky-", 1000));

        awaitAll("flaky-", 1000);
        assertEquals(1000, success("flaky-").size(), "every record delivered despite 30 % failing calls");
        List<CallLog.Call> calls = callLog.syncCalls();
        long rejected = calls.stream().filter(c -> c.faultCode() != null).count();
        assertTrue(rejected > 0, "faults were injected: " + calls);
        assertTrue(success("flaky-").stream().allMatch(e -> e.at("/result/status").asText().equals("CREATED")));
    }

    @Test
    void bareHttp503IsRetriedLikeAnyTransientError() {
        faults.set(FaultInjector.Settings.none().withFailures(0.3, FaultInjector.HTTP_503));

        drop("busy.ndjson", records("busy-", 300));

        awaitAll("busy-", 300);
        assertEquals(300, success("busy-").size());
        assertTrue(faults.unavailableAnswers() > 0);
    }

    @Test
    void authenticationFaultIsNotRetried() {
        faults.set(FaultInjector.Settings.none().withFailures(1.0, "20014"));

        drop("denied.ndjson", records("denied-", 150));

        awaitAll("denied-", 150);
        List<JsonNode> dead = deadLetter("denied-");
        assertEquals(150, dead.size());
        dead.forEach(e -> assertEquals(1, e.at("/error/attempts").asInt(), e.toString()));
        dead.forEach(e -> assertEquals("20014", e.at("/error/code").asText()));
        assertEquals(2, callLog.syncCalls().size(), "one call per batch, no retry");
    }

    @Test
    void anOutageDeadLettersNothingAndEverythingArrivesAfterwards() {
        faults.outage(Duration.ofSeconds(4));

        drop("outage.ndjson", records("outage-", 200));

        awaitAll("outage-", 200);
        assertEquals(200, success("outage-").size(), "nothing dead-lettered during a 4 s outage");
        assertTrue(faults.unavailableAnswers() > 0, "the outage was hit");
    }
}
