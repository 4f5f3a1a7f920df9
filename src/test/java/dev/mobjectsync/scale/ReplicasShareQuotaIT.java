package dev.mobjectsync.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mobjectsync.AppProcess;

/**
 * Issue 13, "Replicas share one Marketo quota": replicas of the packaged application at the default limits
 * (each would make 100 calls per 20 s, 10 at once), on one PostgreSQL database, one shared inbox and one
 * simulator process enforcing those limits once for all of them (300 ms a call). Together they must keep
 * Marketo's limits (no 20023/20024 answered) and still use all of them (0.95 × 500 records/s over 60 s):
 * <ol>
 * <li>two replicas;</li>
 * <li>a third one joins;</li>
 * <li>one is SIGKILLed: the others alone, from one window plus repository.takeover-after after the kill;</li>
 * </ol>
 * and at the end every record is in the success channel, none lost; twice only if the killed replica had
 * written it (its batch taken over before it was confirmed), no more than the calls in flight at the kill.
 */
class ReplicasShareQuotaIT {

    private static final Duration SPAN = Duration.ofSeconds(60);
    private static final double GOAL = 0.95 * ReplicaGroup.CEILING;
    /** README, "Crash cost": the calls in flight at the kill (limits.max-concurrent-calls 10 × 100 records). */
    private static final int CALLS_IN_FLIGHT = 10 * 100;

    private final Path root = Path.of("target", "replicas-quota", String.valueOf(System.currentTimeMillis()));

    /** One phase's records/s and the 20023/20024 answered from its start to its end. */
    private record Phase(String name, ReplicaGroup.Rate rate, long limitFaults) {
        @Override
        public String toString() {
            return String.format("%s: %s, %d answers 20023/20024", name, rate, limitFaults);
        }
    }

    @Test
    void replicasKeepMarketosLimitsTogetherAndUseAllOfThem() throws Exception {
        long start = System.nanoTime();
        try (ReplicaGroup group = ReplicaGroup.start(root)) {
            group.add("a");
            group.add("b");
            long atStart = group.limitFaults();
            Phase two = phase(group, "(a) replicas a, b", Duration.ofSeconds(5));
            assertStatusIsTheGroups(group);
            group.add("c");
            Phase three = phase(group, "(b) c joined", Duration.ofSeconds(5));
            group.kill("b");
            Phase survivors = phase(group, "(c) b SIGKILLed, a and c", ReplicaGroup.WINDOW.plus(
                    ReplicaGroup.TAKEOVER_AFTER));
            List<Phase> phases = List.of(two, three, survivors);
            String summary = String.format(
                    "%d answers 20023/20024 before phase (a), then %s; goal %.0f records/s over %d s",
                    atStart, phases.stream().map(Phase::toString).collect(Collectors.joining("; ")), GOAL, SPAN
                            .toSeconds());
            System.out.printf("replicas test: %s (%d s so far)%n", summary, seconds(start));

            assertEquals(0, group.limitFaults(), "the replicas went beyond Marketo's limits together: " + summary);
            phases.forEach(phase -> assertTrue(phase.rate().mean() >= GOAL, "phase " + phase + " is below the goal: "
                    + summary));

            Deliveries deliveries = group.drain(Duration.ofSeconds(120));
            List<String> ids = group.droppedIds();
            List<String> twice = ids.stream().filter(id -> deliveries.of(id).size() > 1).toList();
            long deadLettered = ids.stream()
                    .filter(id -> deliveries.of(id).stream().anyMatch(d -> d.channel().equals("dead-letter"))).count();
            System.out.printf(
                    "replicas test: %d records, lost=%d, dead-lettered=%d, duplicates=%d, by instance %s, %d s in all%n",
                    ids.size(), deliveries.lost(ids), deadLettered, deliveries.duplicates(ids), deliveries.byInstance(
                            ids),
                    seconds(start));
            assertEquals(0, deliveries.lost(ids), "records lost");
            assertEquals(ids.size(), deliveries.size(), "nothing but the records dropped came out");
            assertEquals(0, deadLettered,
                    "records dead-lettered (e.g. retries spent on 20023), not in the success channel");
            assertTrue(twice.stream().allMatch(id -> deliveries.of(id).stream().anyMatch(d -> d.instance().equals(
                    "b"))),
                    "records delivered twice without the killed replica b among their deliveries");
            assertTrue(deliveries.duplicates(ids) <= CALLS_IN_FLIGHT, deliveries.duplicates(ids)
                    + " records delivered twice: more than the calls in flight at the kill");
        }
    }

    /**
     * Each replica's status says the quota is shared, and shows the group's calls today (both replicas'),
     * more than its own part, which it shows too.
     */
    private static void assertStatusIsTheGroups(ReplicaGroup group) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (AppProcess replica : group.replicas().values()) {
            JsonNode status = json.readTree(replica.get("/api/status"));
            assertTrue(status.path("quotaShared").asBoolean(), status.toString());
            int own = status.path("replica").path("quotaDayUsed").asInt();
            assertTrue(own > 0 && status.path("quotaDayUsed").asInt() > own,
                    "the group's calls today, more than this replica's own: " + status);
        }
    }

    /** Lets the group settle, then measures it over {@link #SPAN} (spans starting over one window). */
    private static Phase phase(ReplicaGroup group, String name, Duration settle) throws Exception {
        long faultsBefore = group.limitFaults();
        Thread.sleep(settle.toMillis());
        ReplicaGroup.Rate rate = group.measure(SPAN, ReplicaGroup.WINDOW);
        Phase phase = new Phase(name, rate, group.limitFaults() - faultsBefore);
        System.out.println("replicas test: " + phase);
        return phase;
    }

    private static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }
}
