package dev.mobjectsync.brokers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.AppProcess;
import dev.mobjectsync.model.Json;

import jakarta.jms.JMSContext;

/**
 * The packaged application, fed by real Kafka and Artemis brokers, is stopped gracefully in the middle
 * of the stream and started again: every record still reaches exactly one channel, the Kafka offsets
 * and the JMS acknowledgements resume where they stopped. Marketo is a second instance of the
 * application with only the simulator on, so its state outlives the restart.
 */
class BrokerRestartIT extends TwoInstances {

    private static void publish(MixedRecords records, int from, int to) {
        kafka.send("crm-records", records.json.subList(from, to).stream()
                .map(json -> json.replace("\"recordId\":\"r-", "\"recordId\":\"rk-").getBytes(StandardCharsets.UTF_8))
                .toList());
        try (JMSContext context = new ActiveMQConnectionFactory(artemis.url()).createContext()) {
            var queue = context.createQueue("crm.records");
            var producer = context.createProducer();
            records.json.subList(from, to).forEach(json -> producer.send(queue, json.replace("\"recordId\":\"r-",
                    "\"recordId\":\"rj-")));
        }
    }

    @Test
    void gracefulRestartMidStreamLosesNothing() throws Exception {
        MixedRecords records = new MixedRecords("r-", 1000);
        try (AppProcess marketo = marketo()) {
            marketo.start().awaitReady();
            try (AppProcess pipeline = pipeline(marketo, Map.of())) {
                pipeline.start().awaitReady();
                publish(records, 0, 500);
                await().atMost(Duration.ofSeconds(60)).until(() -> delivered(pipeline) >= 300);

                pipeline.stop();
                publish(records, 500, 1000);
                pipeline.start().awaitReady();

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> delivered(pipeline) >= 2000);
                await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

                Map<String, Integer> deliveries = new HashMap<>();
                Map<String, String> channelOf = new HashMap<>();
                for (String channel : List.of("success", "dead-letter")) {
                    for (String line : pipeline.channelLines(channel)) {
                        JsonNode envelope = Json.MAPPER.readTree(line);
                        String id = envelope.path("recordId").asText();
                        deliveries.merge(id, 1, Integer::sum);
                        channelOf.put(id, channel);
                    }
                }
                int lost = 0;
                int duplicates = 0;
                for (String prefix : List.of("rk-", "rj-")) {
                    for (Map.Entry<String, String> expected : records.expected.entrySet()) {
                        String id = expected.getKey().replace("r-", prefix);
                        int times = deliveries.getOrDefault(id, 0);
                        lost += times == 0 ? 1 : 0;
                        duplicates += Math.max(0, times - 1);
                        if (times > 0) {
                            assertEquals(expected.getValue(), channelOf.get(id), id);
                        }
                    }
                }
                System.out.printf("graceful restart: 2000 records, lost=%d, duplicates=%d%n", lost, duplicates);
                assertEquals(0, lost, "records lost across a graceful restart");
                assertEquals(0, duplicates, "a graceful restart delivers nothing twice");
                assertEquals(2000, deliveries.size());
            }
        }
    }

    private static int delivered(AppProcess pipeline) throws Exception {
        return pipeline.channelLines("success").size() + pipeline.channelLines("dead-letter").size();
    }
}
