package dev.mobjectsync.brokers;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a Kafka and an Artemis broker before Quarkus boots and points the Kafka and JMS sources at
 * them. Init arg {@code channels}: {@code kafka} (topics sync-success / sync-dead-letter),
 * {@code jms} (queues sync.success / sync.dead-letter) or {@code file} (the test profile's NDJSON files);
 * init arg {@code batch-timeout} overrides {@code mobject-sync.batch.timeout}, {@code max-message-bytes}
 * overrides {@code mobject-sync.validation.max-message-bytes} (10000 unless given). Tests reach the
 * brokers through {@link #kafka()}
 * and {@link #artemis()}.
 */
public class BrokersResource implements QuarkusTestResourceLifecycleManager {

    public static final String SOURCE_TOPIC = "crm-records";
    public static final String SOURCE_QUEUE = "crm.records";

    private static EmbeddedKafka kafka;
    private static EmbeddedArtemis artemis;
    private String channels = "kafka";
    private String batchTimeout;
    private String maxMessageBytes;

    public static EmbeddedKafka kafka() {
        return kafka;
    }

    public static EmbeddedArtemis artemis() {
        return artemis;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        channels = initArgs.getOrDefault("channels", "kafka");
        batchTimeout = initArgs.get("batch-timeout");
        maxMessageBytes = initArgs.getOrDefault("max-message-bytes", "10000");
    }

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        kafka.createTopic(SOURCE_TOPIC, 3);
        artemis = EmbeddedArtemis.start();
        Map<String, String> config = new HashMap<>();
        config.put("mobject-sync.sources.kafka.enabled", "true");
        config.put("mobject-sync.sources.kafka.brokers", kafka.bootstrapServers());
        config.put("mobject-sync.sources.kafka.topic", SOURCE_TOPIC);
        config.put("mobject-sync.sources.kafka.group-id", "mobject-sync-test");
        config.put("mobject-sync.sources.jms.enabled", "true");
        config.put("mobject-sync.sources.jms.broker-url", artemis.url());
        config.put("mobject-sync.sources.jms.queue", SOURCE_QUEUE);
        config.put("mobject-sync.sources.jms.concurrent-consumers", "2");
        config.put("mobject-sync.validation.max-message-bytes", maxMessageBytes);
        if (batchTimeout != null) {
            config.put("mobject-sync.batch.timeout", batchTimeout);
        }
        if ("jms".equals(channels)) {
            config.put("mobject-sync.channels.success", "jms:queue:sync.success");
            config.put("mobject-sync.channels.dead-letter", "jms:queue:sync.dead-letter");
        } else if (!"file".equals(channels)) {
            config.put("mobject-sync.channels.success", "kafka:sync-success?brokers=" + kafka.bootstrapServers());
            config.put("mobject-sync.channels.dead-letter", "kafka:sync-dead-letter?brokers=" + kafka
                    .bootstrapServers());
        }
        return config;
    }

    @Override
    public void stop() {
        if (artemis != null) {
            artemis.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
