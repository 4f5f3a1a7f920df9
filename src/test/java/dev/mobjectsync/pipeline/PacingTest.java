package dev.mobjectsync.pipeline;

import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.simulator.CallLog;
import dev.mobjectsync.simulator.FaultInjector;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The simulator enforces a rate limit (20023) and a concurrency limit (20024) the way Marketo does,
 * scaled down (5 calls per 2 s, 1 at once); the application, configured with the same limits, must
 * never trip them itself.
 */
@QuarkusTest
@TestProfile(PacingTest.SmallLimits.class)
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
class PacingTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mobject-sync.limits.calls-per-window", "5", "mobject-sync.limits.window", "2s",
                    "mobject-sync.limits.max-concurrent-calls", "1", "mobject-sync.batch.size", "10",
                    "mobject-sync.simulator.faults.calls-per-window", "5", "mobject-sync.simulator.faults.window", "2s",
                    "mobject-sync.simulator.faults.max-concurrent", "1");
        }
    }

    @Inject
    CallLog callLog;

    @Inject
    FaultInjector faults;

    @Test
    void theApplicationNeverTripsMarketosLimits() {
        drop("paced.ndjson", IntStream.range(0, 300)
                .mapToObj(i -> "{\"recordId\":\"paced-" + i + "\",\"type\":\"Opportunity\",\"operation\":\"INSERT\","
                        + "\"attributes\":{\"Name\":\"n" + i + "\"}}")
                .collect(Collectors.joining("\n")));

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> success("paced-").size() + deadLetter("paced-").size() >= 300);
        assertEquals(300, success("paced-").size());
        List<CallLog.Call> calls = callLog.syncCalls();
        assertEquals(List.of(), calls.stream().filter(c -> c.faultCode() != null).toList(),
                "no 20023 / 20024 caused by the application");
        assertEquals(30, calls.size());
    }
}
