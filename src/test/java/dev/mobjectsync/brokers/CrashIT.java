package dev.mobjectsync.brokers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.AppProcess;
import dev.mobjectsync.record.Json;
import jakarta.jms.JMSContext;

/**
 * DESIGN.md §5 "no loss on crash": the packaged application is killed with SIGKILL at random moments
 * (fixed seed) while 10,000 records arrive by file drops and more by Kafka and JMS, and restarted on
 * the same state each time. After the drain every record is in a channel; a record may be there
 * twice only because of a crash, and the test counts and reports those duplicates.
 */
class CrashIT extends TwoInstances {

    private static final int FILES = 20;
    private static final int PER_FILE = 500;
    private static final int PER_BROKER = 1000;
    private static final int KILLS = 5;

    private static String record(String id) {
        return "{\"recordId\":\"" + id + "\",\"type\":\"Opportunity\",\"operation\":\"UPSERT\","
                + "\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + id + "\"},\"attributes\":{\"Name\":\"" + id + "\"}}";
    }

    @Test
    void sigkillAtRandomMomentsLosesNoRecord() throws Exception {
        List<String> expected = new ArrayList<>();
        Random random = new Random(20261128L);
        try (AppProcess marketo = marketo()) {
            marketo.start().awaitReady();
            try (AppProcess pipeline = pipeline(marketo,
                    Map.of("MOBJECT_SYNC_REPOSITORY_RECOVERY_INTERVAL", "1s"))) {
                Path inbox = Files.createDirectories(pipelineDir.resolve("data/inbox"));
                pipeline.start().awaitReady();
                int file = 0;
                int message = 0;
                for (int kill = 0; kill < KILLS; kill++) {
                    for (int i = 0; i < FILES / KILLS; i++, file++) {
                        StringBuilder content = new StringBuilder();
                        for (int r = 0; r < PER_FILE; r++) {
                            String id = "f" + file + "-" + r;
                            expected.add(id);
                            content.append(record(id)).append('\n');
                        }
                        Files.writeString(inbox.resolve(".f" + file), content, StandardCharsets.UTF_8);
                        Files.move(inbox.resolve(".f" + file), inbox.resolve("f" + file + ".ndjson"));
                    }
                    List<byte[]> toKafka = new ArrayList<>();
                    List<String> toJms = new ArrayList<>();
                    for (int i = 0; i < PER_BROKER / KILLS; i++, message++) {
                        expected.add("k" + message);
                        toKafka.add(record("k" + message).getBytes(StandardCharsets.UTF_8));
                        expected.add("j" + message);
                        toJms.add(record("j" + message));
                    }
                    kafka.send("crm-records", toKafka);
                    try (JMSContext context = new ActiveMQConnectionFactory(artemis.url()).createContext()) {
                        var queue = context.createQueue("crm.records");
                        var producer = context.createProducer();
                        toJms.forEach(text -> producer.send(queue, text));
                    }
                    Thread.sleep(1500 + random.nextInt(3000));
                    pipeline.kill();
                    pipeline.start().awaitReady();
                }

                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> delivered(pipeline).keySet().containsAll(expected));
                await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

                Map<String, Integer> deliveries = delivered(pipeline);
                int lost = (int) expected.stream().filter(id -> !deliveries.containsKey(id)).count();
                int duplicates = expected.stream().mapToInt(id -> Math.max(0, deliveries.getOrDefault(id, 0) - 1)).sum();
                System.out.printf("crash test: %d records, %d SIGKILLs, lost=%d, duplicates=%d%n", expected.size(),
                        KILLS, lost, duplicates);
                assertEquals(FILES * PER_FILE + 2 * PER_BROKER, expected.size());
                assertEquals(0, lost, "records lost across SIGKILLs");
                assertTrue(deliveries.keySet().containsAll(expected));
                assertEquals(expected.size(), deliveries.size(), "nothing but the expected records came out");
            }
        }
    }

    /**
     * recordId → times delivered. A line torn by a SIGKILL in the middle of a write is not a delivery
     * (its batch was not confirmed, so it is sent again); it is skipped.
     */
    private static Map<String, Integer> delivered(AppProcess pipeline) throws Exception {
        Map<String, Integer> deliveries = new HashMap<>();
        for (String channel : List.of("success", "dead-letter")) {
            for (String line : pipeline.channelLines(channel)) {
                try {
                    deliveries.merge(Json.MAPPER.readTree(line).path("recordId").asText(), 1, Integer::sum);
                } catch (JsonProcessingException torn) {
                    System.out.println("crash test: torn line skipped: " + line.substring(0, Math.min(80, line.length())));
                }
            }
        }
        return deliveries;
    }
}
