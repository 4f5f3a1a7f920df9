package dev.mobjectsync.scale;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.AppProcess;
import dev.mobjectsync.brokers.EmbeddedArtemis;
import dev.mobjectsync.brokers.EmbeddedKafka;
import dev.mobjectsync.brokers.MixedRecords;
import dev.mobjectsync.model.Json;

import jakarta.jms.JMSContext;

/**
 * DESIGN.md §8, scale-out: two replicas of the packaged application, as separate JVMs, share one
 * PostgreSQL database (created for this test), one Kafka consumer group, one JMS queue and one inbox
 * folder; a third instance plays Marketo. Each replica writes its channels under its own folder; the
 * test reads them together.
 * <ol>
 * <li>10,000 mixed records by files, Kafka and JMS while both run: every record comes out exactly once,
 * in the channel it belongs to, every file moves to {@code .done} once, and Marketo receives every valid
 * record once;</li>
 * <li>10,000 more, and one replica is SIGKILLed mid-run: the other takes over its Kafka partitions, its
 * unacknowledged JMS messages, its file locks, its open batches and the batches it was sending, and no
 * record is lost (duplicates, allowed across a crash, are counted and reported);</li>
 * <li>a 20,000-record file, and the replica reading it is SIGKILLed: the other takes the file over and
 * resumes it from its checkpoint (units done are skipped, answered records not sent again), so no more than
 * the calls in flight at the kill reach a channel or Marketo twice.</li>
 * </ol>
 */
class ScaleOutIT {

    private static final int RECORDS = 10_000;
    private static final int FILES = 10;
    private static final String TOPIC = "crm-records";
    private static final String QUEUE = "crm.records";
    private static final Duration TAKEOVER_AFTER = Duration.ofSeconds(10);
    private static final int BIG_FILE = 20_000;
    /** README, "Crash cost": what a crash may cost twice, the calls in flight (limits.max-concurrent-calls 10 × 100). */
    private static final int CALLS_IN_FLIGHT = 10 * 100;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedKafka kafka;
    private static EmbeddedArtemis artemis;
    private static ScratchDatabase database;

    /** Under target/, kept after the run: each instance's working folder with its logs and channels. */
    private final Path root = Path.of("target", "scale-out", String.valueOf(System.currentTimeMillis()));

    @BeforeAll
    static void startServices() throws Exception {
        database = ScratchDatabase.create();
        kafka = EmbeddedKafka.start();
        kafka.createTopic(TOPIC, 4);
        artemis = EmbeddedArtemis.start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        artemis.close();
        kafka.close();
        database.close();
    }

    @Test
    void replicasDeliverEveryRecordOnceAndLoseNoneWhenOneIsKilled() throws Exception {
        long start = System.nanoTime();
        Path inbox = Files.createDirectories(root.resolve("shared-inbox"));
        try (AppProcess marketo = new AppProcess(Files.createDirectories(root.resolve("marketo")),
                Map.of("MOBJECT_SYNC_SOURCES_FILE_ENABLED", "false"));
                AppProcess a = replica("a", marketo, inbox);
                AppProcess b = replica("b", marketo, inbox)) {
            // one after the other: three JVMs starting at once on a busy 2-core machine can take over a minute
            marketo.start().awaitReady();
            a.start().awaitReady();
            b.start().awaitReady();
            Map<String, AppProcess> replicas = new LinkedHashMap<>(Map.of("a", a, "b", b));
            System.out.printf("scale-out test: 3 instances ready after %d s%n", seconds(start));

            MixedRecords first = new MixedRecords("one-", RECORDS);
            long firstStart = System.nanoTime();
            send(first, "one", inbox);
            Deliveries afterFirst = awaitAll(replicas, first.expected.keySet(), Duration.ofSeconds(180));
            long validRecords = RECORDS - RECORDS / 10; // MixedRecords: every tenth is refused by validation
            System.out.printf(
                    "scale-out test, both running: %d records in %d s, lost=%d, duplicates=%d, by instance %s,"
                            + " Marketo received %d objects for %d valid records%n", RECORDS, seconds(firstStart),
                    afterFirst.lost(first.expected.keySet()), afterFirst.duplicates(first.expected.keySet()),
                    afterFirst.byInstance(first.expected.keySet()), marketoObjects(marketo), validRecords);
            assertEquals(0, afterFirst.lost(first.expected.keySet()), "records lost with both replicas running");
            assertEquals(0, afterFirst.duplicates(first.expected.keySet()), "records delivered twice without a crash");
            first.expected.forEach((id, channel) -> assertEquals(channel, afterFirst.of(id).get(0).channel(), id));
            assertEquals(2, afterFirst.byInstance(first.expected.keySet()).size(), "both replicas took work");
            assertEquals(validRecords, marketoObjects(marketo), "objects Marketo received: each valid record once");
            assertEquals(FILES, doneFiles(inbox), "every file moved to .done once");

            MixedRecords second = new MixedRecords("two-", RECORDS);
            long secondStart = System.nanoTime();
            send(second, "two", inbox);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Deliveries.read(replicas).size() - RECORDS >= RECORDS / 5);
            a.kill();
            long killedAt = System.nanoTime();
            Deliveries afterSecond = awaitAll(replicas, second.expected.keySet(), Duration.ofSeconds(240));
            System.out.printf(
                    "scale-out test, replica a SIGKILLed after %d s: %d records in %d s (%d s after the kill),"
                            + " lost=%d, duplicates=%d, by instance %s%n", seconds(secondStart) - seconds(killedAt),
                    RECORDS,
                    seconds(secondStart), seconds(killedAt), afterSecond.lost(second.expected.keySet()),
                    afterSecond.duplicates(second.expected.keySet()), afterSecond.byInstance(second.expected.keySet()));
            assertEquals(0, afterSecond.lost(second.expected.keySet()), "records lost when a replica was killed");
            assertEquals(0, afterSecond.duplicates(first.expected.keySet()), "first records delivered again");
            assertEquals(2 * RECORDS, afterSecond.size(), "nothing but the expected records came out");
            assertEquals(2 * FILES, doneFiles(inbox), "every file moved to .done");
            // every record is out, but the dead replica's chunks taken over may still be finishing the copies
            // they hold of records its Kafka messages brought again: the repository drains once they are written
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> database.count("mobject_sync_batches") + database.count(
                            "mobject_sync_batches_completed") == 0);

            // 3. one big file; the replica reading it is SIGKILLed; the other takes it over from its checkpoint
            a.start().awaitReady();
            long objectsBefore = marketoObjects(marketo);
            Set<String> big = dropBigFile(inbox);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Deliveries.read(replicas).byInstance(big).values().stream().mapToLong(n -> n)
                            .sum() >= BIG_FILE / 10);
            String reader = Deliveries.read(replicas).byInstance(big).keySet().iterator().next();
            replicas.get(reader).kill();
            long killed = System.nanoTime();
            Deliveries afterThird = awaitAll(replicas, big, Duration.ofSeconds(180));
            String survivor = "a".equals(reader) ? "b" : "a";
            long sentAgain = marketoObjects(marketo) - objectsBefore - BIG_FILE;
            System.out.printf(
                    "scale-out test, replica %s SIGKILLed while reading a %d-record file: taken over by %s, all in"
                            + " %d s; lost=%d, duplicates=%d, sent to Marketo again=%d (bound %d)%n", reader, BIG_FILE,
                    survivor,
                    seconds(killed), afterThird.lost(big), afterThird.duplicates(big), sentAgain, CALLS_IN_FLIGHT);
            assertEquals(0, afterThird.lost(big), "records lost when the replica reading the file was killed");
            assertTrue(replicas.get(survivor).allLogs().contains("big.ndjson is read again after a stop"),
                    "the other replica resumed the file from its checkpoint");
            assertTrue(afterThird.duplicates(big) <= CALLS_IN_FLIGHT, afterThird.duplicates(big)
                    + " records delivered twice: more than the calls in flight at the kill");
            assertTrue(sentAgain <= CALLS_IN_FLIGHT, sentAgain
                    + " records sent to Marketo again: more than the calls in flight");
            assertEquals(0, database.count("mobject_sync_checkpoints"), "checkpoints left once everything moved");
        }
        System.out.printf("scale-out test: %d s in all%n", seconds(start));
    }

    /** The big file's valid Opportunity UPSERTs; returns their record ids. */
    private static Set<String> dropBigFile(Path inbox) throws IOException {
        Set<String> ids = new java.util.HashSet<>();
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < BIG_FILE; i++) {
            String id = "big-" + i;
            ids.add(id);
            content.append("{\"recordId\":\"").append(id).append("\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                    + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"").append(id)
                    .append("\"},\"attributes\":{\"Name\":\"").append(id).append("\"}}\n");
        }
        Path part = inbox.resolve(".big.part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve("big.ndjson"));
        return ids;
    }

    private AppProcess replica(String name, AppProcess marketo, Path inbox) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("MOBJECT_SYNC_SIMULATOR_ENABLED", "false");
        env.put("MOBJECT_SYNC_MARKETO_ENDPOINT", "http://127.0.0.1:" + marketo.port() + "/soap/mktows/2_3");
        env.put("MOBJECT_SYNC_SOURCES_FILE_INBOX", inbox.toString());
        env.put("MOBJECT_SYNC_SOURCES_KAFKA_ENABLED", "true");
        env.put("MOBJECT_SYNC_SOURCES_KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("MOBJECT_SYNC_SOURCES_KAFKA_TOPIC", TOPIC);
        env.put("MOBJECT_SYNC_SOURCES_KAFKA_GROUP_ID", "scale-out");
        env.put("MOBJECT_SYNC_SOURCES_JMS_ENABLED", "true");
        env.put("MOBJECT_SYNC_SOURCES_JMS_BROKER_URL", artemis.url());
        env.put("MOBJECT_SYNC_SOURCES_JMS_QUEUE", QUEUE);
        env.putAll(database.replicaEnvironment(TAKEOVER_AFTER));
        // this test's simulator enforces no limits, and its subject is sharing the work, not the quota (which
        // ReplicasShareQuotaIT tests): a wide window keeps its 200 calls on one Program from pacing it
        env.put("MOBJECT_SYNC_LIMITS_CALLS_PER_WINDOW", "1000");
        // a dead member's partitions go to the other replica after 6 s instead of Kafka's default 45 s
        return new AppProcess(Files.createDirectories(root.resolve(name)), env).jvmOptions(List.of("-Xmx256m",
                "-Dcamel.component.kafka.session-timeout-ms=6000",
                "-Dcamel.component.kafka.heartbeat-interval-ms=1000"));
    }

    /** Four in ten records by files (dropped the way README says), three by Kafka, three by JMS. */
    private static void send(MixedRecords records, String prefix, Path inbox) throws IOException {
        List<StringBuilder> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            files.add(new StringBuilder());
        }
        List<byte[]> toKafka = new ArrayList<>();
        List<String> toJms = new ArrayList<>();
        for (int i = 0; i < records.json.size(); i++) {
            String json = records.json.get(i);
            switch ((i / 10) % 10) { // MixedRecords repeats its kinds every ten records: each source gets all kinds
                case 0, 1, 2, 3 -> files.get(i % FILES).append(json).append('\n');
                case 4, 5, 6 -> toKafka.add(json.getBytes(StandardCharsets.UTF_8));
                default -> toJms.add(json);
            }
        }
        for (int i = 0; i < FILES; i++) {
            Path part = inbox.resolve("." + prefix + i + ".part");
            Files.writeString(part, files.get(i), StandardCharsets.UTF_8);
            Files.move(part, inbox.resolve(prefix + i + ".ndjson"));
        }
        kafka.send(TOPIC, toKafka);
        try (JMSContext context = new ActiveMQConnectionFactory(artemis.url()).createContext()) {
            var queue = context.createQueue(QUEUE);
            var producer = context.createProducer();
            toJms.forEach(text -> producer.send(queue, text));
        }
    }

    /** Waits until every record came out, then for three quiet seconds (a late duplicate would show). */
    private static Deliveries awaitAll(Map<String, AppProcess> replicas, Set<String> ids, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> Deliveries.read(replicas).containsAll(
                ids));
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        try {
            return Deliveries.read(replicas);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long marketoObjects(AppProcess marketo) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + marketo.port() + "/simulator/calls")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(answer.body()).path("objects").asLong();
    }

    private static long doneFiles(Path inbox) throws IOException {
        try (Stream<Path> done = Files.walk(inbox.resolve(".done"))) {
            return done.filter(Files::isRegularFile).count();
        }
    }

    private static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }
}
