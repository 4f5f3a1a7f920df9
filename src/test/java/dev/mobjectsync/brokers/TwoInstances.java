package dev.mobjectsync.brokers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import dev.mobjectsync.AppProcess;

/**
 * The packaged application twice, as in production: one instance with only the simulator on (Marketo,
 * whose state outlives the other's restarts) and one pipeline instance fed by real Kafka and Artemis
 * brokers (in this JVM, topic {@code crm-records}, queue {@code crm.records}), writing its channels as
 * files under its own directory.
 */
abstract class TwoInstances {

    static EmbeddedKafka kafka;
    static EmbeddedArtemis artemis;

    @TempDir
    Path marketoDir;

    @TempDir
    Path pipelineDir;

    @BeforeAll
    static void startBrokers() {
        kafka = EmbeddedKafka.start();
        kafka.createTopic("crm-records", 3);
        artemis = EmbeddedArtemis.start();
    }

    @AfterAll
    static void stopBrokers() {
        artemis.close();
        kafka.close();
    }

    AppProcess marketo() throws IOException {
        return new AppProcess(marketoDir, Map.of("MOBJECT_SYNC_SOURCES_FILE_ENABLED", "false"));
    }

    AppProcess pipeline(AppProcess marketo, Map<String, String> extra) throws IOException {
        Map<String, String> env = new HashMap<>(extra);
        env.put("MOBJECT_SYNC_SIMULATOR_ENABLED", "false");
        env.put("MOBJECT_SYNC_MARKETO_ENDPOINT", "http://127.0.0.1:" + marketo.port() + "/soap/mktows/2_3");
        env.put("MOBJECT_SYNC_SOURCES_KAFKA_ENABLED", "true");
        env.put("MOBJECT_SYNC_SOURCES_KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("MOBJECT_SYNC_SOURCES_KAFKA_TOPIC", "crm-records");
        env.put("MOBJECT_SYNC_SOURCES_JMS_ENABLED", "true");
        env.put("MOBJECT_SYNC_SOURCES_JMS_BROKER_URL", artemis.url());
        env.put("MOBJECT_SYNC_SOURCES_JMS_QUEUE", "crm.records");
        return new AppProcess(pipelineDir, env);
    }
}
