package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.opportunities;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/**
 * The pipeline against a misbehaving Marketo (the simulator's fault injection), with short retry
 * backoffs that still ride out a 30 s outage (20 attempts, 0.1 s doubling to 4 s: about 60 s).
 */
@QuarkusTest
@TestProfile(FaultInjectionTest.QuickRetries.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class FaultInjectionTest {

    public static class QuickRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mobject-sync.retry.max-attempts", "20", "mobject-sync.retry.initial-backoff", "100",
                    "mobject-sync.retry.max-backoff", "4000", "mobject-sync.limits.quota-probe-interval", "1s");
        }
    }

    private static final String POISON = "poison-value";

    private static final Duration PATIENCE = Duration.ofSeconds(120);

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

    @Test
    void thirtyPercentTransientFaultsStillDeliverEverything() {
        faults.set(FaultInjector.Settings.none().withFailures(0.3, "20023"));

        drop("flaky.ndjson", opportunities("flaky-", 1000));

        awaitAll("flaky-", 1000, PATIENCE);
        assertEquals(1000, success("flaky-").size(), "every record delivered despite 30 % failing calls");
        List<CallLog.Call> calls = callLog.syncCalls();
        long rejected = calls.stream().filter(c -> c.faultCode() != null).count();
        assertTrue(rejected > 0, "faults were injected: " + calls);
        assertTrue(success("flaky-").stream().allMatch(e -> e.at("/result/status").asText().equals("CREATED")));
    }

    @Test
    void bareHttp503IsRetriedLikeAnyTransientError() {
        faults.set(FaultInjector.Settings.none().withFailures(0.3, FaultInjector.HTTP_503));

        drop("busy.ndjson", opportunities("busy-", 300));

        awaitAll("busy-", 300, PATIENCE);
        assertEquals(300, success("busy-").size());
        assertTrue(faults.unavailableAnswers() > 0);
    }

    @Test
    void authenticationFaultIsNotRetried() {
        faults.set(FaultInjector.Settings.none().withFailures(1.0, "20014"));

        drop("denied.ndjson", opportunities("denied-", 150));

        awaitAll("denied-", 150, PATIENCE);
        List<JsonNode> dead = deadLetter("denied-");
        assertEquals(150, dead.size());
        dead.forEach(e -> assertEquals(1, e.at("/error/attempts").asInt(), e.toString()));
        dead.forEach(e -> assertEquals("20014", e.at("/error/code").asText()));
        assertEquals(2, callLog.syncCalls().size(), "one call per batch, no retry");
    }

    @Test
    void anOutageDeadLettersNothingAndEverythingArrivesAfterwards() {
        faults.outage(Duration.ofSeconds(30));
        Instant start = Instant.now();

        drop("outage.ndjson", opportunities("outage-", 200));

        awaitAll("outage-", 200, PATIENCE);
        assertEquals(200, success("outage-").size(), "nothing dead-lettered during a 30 s outage");
        assertTrue(faults.unavailableAnswers() > 0, "the outage was hit");
        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(30)) >= 0,
                "delivered only once the outage ended");
    }

    @Test
    void onePoisonedRecordIsIsolatedAndTheOther99GoThrough() {
        faults.set(FaultInjector.Settings.none().withPoison(POISON));
        drop("poisoned.ndjson", opportunities("poison-", 100, Set.of(37), POISON));

        awaitAll("poison-", 100, PATIENCE);
        assertEquals(99, success("poison-").size(), "the good records of the batch still go through");
        List<JsonNode> dead = deadLetter("poison-");
        assertEquals(List.of("poison-37"), dead.stream().map(e -> e.path("recordId").asText()).toList());
        assertEquals("20110", dead.get(0).at("/error/code").asText());
        List<CallLog.Call> calls = callLog.syncCalls();
        int bound = 1 + 2 * (int) Math.ceil(Math.log(100) / Math.log(2));
        System.out.printf("poison isolation: %d calls for one bad record among 100 (bound %d)%n", calls.size(), bound);
        assertTrue(calls.size() <= bound, calls.size() + " calls to isolate one record, bound " + bound + ": " + calls);
        assertEquals(100, calls.get(0).objects(), "the whole batch was tried first");
        assertTrue(calls.stream().allMatch(c -> c.objects() <= 100));
    }

    @Test
    void twoPoisonedRecordsInOneBatchAreBothIsolated() {
        faults.set(FaultInjector.Settings.none().withPoison(POISON));
        drop("twopoisoned.ndjson", opportunities("twopoison-", 100, Set.of(3, 88), POISON));

        awaitAll("twopoison-", 100, PATIENCE);
        assertEquals(98, success("twopoison-").size());
        assertEquals(List.of("twopoison-3", "twopoison-88"), deadLetter("twopoison-").stream()
                .map(e -> e.path("recordId").asText()).sorted().toList());
    }

    @Test
    void marketosDailyQuotaHoldsBatchesUntilItResets() {
        faults.set(FaultInjector.Settings.none().withDailyQuota(3));

        drop("quota.ndjson", opportunities("quota-", 500));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> callLog.syncCalls().stream().anyMatch(c -> "20015".equals(c.faultCode())));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> deadLetter("quota-").isEmpty() && success("quota-").size() == 300);
        long probes = callLog.syncCalls().stream().filter(c -> "20015".equals(c.faultCode())).count();
        assertTrue(probes <= 3 * 10, "while held, calls only probe about once a second: " + probes);

        faults.newDay(); // three more calls today: enough for the two batches held

        awaitAll("quota-", 500, PATIENCE);
        assertEquals(500, success("quota-").size(), "nothing dead-lettered for Marketo's quota");
    }
}
