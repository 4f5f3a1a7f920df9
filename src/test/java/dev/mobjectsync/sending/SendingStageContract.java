package dev.mobjectsync.sending;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.drop;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObject;

import dev.mobjectsync.MarketoQueries;
import dev.mobjectsync.marketo.RequestSigner;
import dev.mobjectsync.simulator.CallLog;
import dev.mobjectsync.simulator.FaultInjector;
import dev.mobjectsync.simulator.SimulatorState;

import jakarta.inject.Inject;

/**
 * The sending stage end to end, by file, against the simulator, for either gateway: it never hangs under
 * Marketo's concurrency and rate faults, roles never overtake their Opportunity, and rounds of updates of
 * the same objects end with the last round in Marketo.
 */
public abstract class SendingStageContract {

    static final Duration PATIENCE = Duration.ofSeconds(240);

    /** Quick retries, enough of them to ride out long bursts of limit faults. */
    public static Map<String, String> quickRetries() {
        return Map.of("mobject-sync.retry.max-attempts", "30", "mobject-sync.retry.initial-backoff", "100",
                "mobject-sync.retry.max-backoff", "2000");
    }

    @Inject
    FaultInjector faults;

    @Inject
    CallLog callLog;

    @Inject
    ProducerTemplate producer;

    @Inject
    RequestSigner signer;

    @Inject
    SimulatorState marketo;

    /** The simulator's code for "too many calls in the window" on this gateway. */
    abstract String rateLimitCode();

    /** Records per Opportunity call on this gateway: the hang tests send 30 calls' worth. */
    abstract int perCall();

    /**
     * How long the simulator takes per call in the concurrency test: long enough that the app wants more
     * than Marketo's 5 calls at once (a 300-record REST call carries three times the records of a SOAP one).
     */
    abstract Duration crowdedLatency();

    @BeforeEach
    void reset() {
        faults.set(FaultInjector.Settings.none());
        callLog.clear();
        // as Marketo may: two calls upserting one new external key at once create two objects
        marketo.duplicateConcurrentUpserts(true);
    }

    @AfterEach
    void noMoreFaults() {
        faults.set(FaultInjector.Settings.none());
        marketo.duplicateConcurrentUpserts(false);
    }

    /** No call touched an object while another call touching it was in flight; no object was created twice. */
    private void neverTwoCallsOnOneObject() {
        assertEquals(0, callLog.summary().overlapping(), "calls overlapping on one object: " + callLog.summary());
        assertEquals(0, marketo.duplicateExternalKeys(), "external keys held by more than one object");
    }

    private static FaultInjector.Settings latency(Duration latency, int maxConcurrent) {
        return new FaultInjector.Settings(latency, 0, "20023", maxConcurrent, 0, Duration.ofSeconds(20), 0, null, 1);
    }

    static String upserts(String prefix, int from, int to, int amount) {
        return IntStream.range(from, to)
                .mapToObj(i -> "{\"recordId\":\"" + prefix + i + "-a" + amount + "\",\"type\":\"Opportunity\","
                        + "\"operation\":\"UPSERT\",\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + prefix + i
                        + "\"},\"attributes\":{\"Name\":\"n" + i + "\",\"Amount\":\"" + amount + "\"}}")
                .collect(Collectors.joining("\n"));
    }

    @Test
    void marketosConcurrencyFaultNeverHangsIt() {
        // Marketo lets this integration 5 calls at once (another one uses the other 5); the app makes up to 10
        faults.set(latency(crowdedLatency(), 5));
        int perFile = perCall() * 30 / 4;
        for (int file = 0; file < 4; file++) {
            drop("crowded-" + file + ".ndjson", upserts("crowded-" + file + "-", 0, perFile, 1));
        }

        awaitAll("crowded-", 4 * perFile, PATIENCE);
        assertEquals(4 * perFile, success("crowded-").size(), "every record delivered: " + deadLetter("crowded-"));
        assertTrue(callLog.summary().faults().size() > 0, "Marketo's concurrency limit was hit: " + callLog.summary());
        neverTwoCallsOnOneObject();
    }

    @Test
    void burstsOfRateFaultsNeverHangIt() {
        faults.set(latency(Duration.ofMillis(20), 0).withFailures(0.3, rateLimitCode()));
        int perFile = perCall() * 30 / 4;
        for (int file = 0; file < 4; file++) {
            drop("bursty-" + file + ".ndjson", upserts("bursty-" + file + "-", 0, perFile, 1));
        }

        awaitAll("bursty-", 4 * perFile, PATIENCE);
        assertEquals(4 * perFile, success("bursty-").size(), "every record delivered: " + deadLetter("bursty-"));
        assertTrue(callLog.summary().faults().containsKey(rateLimitCode()), callLog.summary().toString());
        neverTwoCallsOnOneObject();
    }

    @Test
    void rolesNeverOvertakeTheirOpportunity() {
        faults.set(latency(Duration.ofMillis(100), 0));
        String opportunities = IntStream.range(0, 300)
                .mapToObj(i -> "{\"recordId\":\"parent-o" + i + "\",\"type\":\"Opportunity\",\"operation\":\"INSERT\","
                        + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"PARENT-" + i + "\"},"
                        + "\"attributes\":{\"Name\":\"p" + i + "\"}}")
                .collect(Collectors.joining("\n"));
        String roles = IntStream.range(0, 300)
                .mapToObj(i -> "{\"recordId\":\"parent-r" + i + "\",\"type\":\"OpportunityPersonRole\","
                        + "\"operation\":\"INSERT\",\"attributes\":{\"Role\":\"Champion\"},\"associations\":["
                        + "{\"type\":\"Opportunity\",\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"PARENT-" + i
                        + "\"}},{\"type\":\"Lead\",\"id\":" + (1000 + i) + "}]}")
                .collect(Collectors.joining("\n"));
        drop("parents-first.ndjson", opportunities + "\n" + roles);

        awaitAll("parent-", 600, PATIENCE);
        assertEquals(List.of(), deadLetter("parent-").stream().map(e -> e.path("recordId").asText() + " "
                + e.at("/error/message").asText()).toList(), "no role dead-lettered for a missing Opportunity");
        assertEquals(600, success("parent-").size());
        neverTwoCallsOnOneObject();
    }

    @Test
    void roundsOfUpdatesEndWithTheLastRound() {
        faults.set(latency(Duration.ofMillis(50), 0));
        List<String> first = new ArrayList<>();
        for (int round = 1; round <= 6; round++) {
            first.add(upserts("round-", 0, 150, round));
        }
        List<String> second = new ArrayList<>();
        for (int round = 7; round <= 9; round++) {
            second.add(upserts("round-", 0, 150, round));
        }
        drop("rounds-1.ndjson", String.join("\n", first));
        drop("rounds-2.ndjson", String.join("\n", second));

        awaitAll("round-", 1350, PATIENCE);
        assertEquals(1350, success("round-").size(), "every update delivered: " + deadLetter("round-"));
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            List<MObject> held = MarketoQueries.opportunitiesByExternalKey(producer, signer, "round-" + i);
            assertEquals(1, held.size(), "one object for round-" + i);
            String amount = held.get(0).getAttribList().getAttrib().stream().filter(a -> "Amount".equals(a.getName()))
                    .map(Attrib::getValue).findFirst().orElse(null);
            if (amount == null || Double.parseDouble(amount) != 9) {
                stale.add("round-" + i + "=" + amount);
            }
        }
        assertEquals(List.of(), stale, "every object holds the last round's Amount");
        neverTwoCallsOnOneObject();
    }
}
