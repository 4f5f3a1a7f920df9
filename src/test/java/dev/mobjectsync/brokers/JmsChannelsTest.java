package dev.mobjectsync.brokers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Json;
import dev.mobjectsync.outcome.ChannelHeaders;
import dev.mobjectsync.pipeline.CleanTestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * JMS queues as channels, with all three sources (file, Kafka, JMS) feeding the same batches at once
 * (a 15 s batch timeout, long enough on a loaded machine, lets records from the three arrive in one batch).
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BrokersResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "channels", value = "jms"), @ResourceArg(name = "batch-timeout", value = "15s")})
class JmsChannelsTest {

    @Inject
    @Named("batchRepository")
    JdbcAggregationRepository batchRepository;

    /** JMS property names cannot hold '.' or '-': Camel's default key format encodes them like this. */
    private static String jmsName(String header) {
        return header.replace(".", "_DOT_").replace("-", "_HYPHEN_");
    }

    private static Map<String, Message> drain(JMSContext context, String queue, Map<String, Message> into) {
        try (JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            for (Message message = consumer.receive(500); message != null; message = consumer.receive(200)) {
                JsonNode envelope = Json.MAPPER.readTree(message.getBody(String.class));
                into.put(envelope.path("recordId").asText(), message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return into;
    }

    @Test
    void threeSourcesAtOnceDeliverToJmsQueuesWithContextProperties() throws Exception {
        BrokersResource.kafka().send(BrokersResource.SOURCE_TOPIC, List.of("""
                {"recordId":"all-kafka","type":"Opportunity","operation":"INSERT","attributes":{"Name":"via Kafka"}}"""
                .getBytes(StandardCharsets.UTF_8)));
        // the Kafka consumer may still be joining its group: the JMS message and the file go once its chunk is open,
        // so that the three chunks are open at once (a call that is not full waits while another chunk of this run is
        // open, at most batch.timeout: a JMS chunk opened long before Kafka's could go out without the file)
        await().atMost(Duration.ofSeconds(60)).until(() -> batchRepository.getKeys().stream()
                .anyMatch(key -> key.startsWith("kafka@")));
        try (JMSContext context = new ActiveMQConnectionFactory(BrokersResource.artemis().url()).createContext()) {
            context.createProducer().send(context.createQueue(BrokersResource.SOURCE_QUEUE),
                    """
                    [{"recordId":"all-jms-1","type":"Opportunity","operation":"INSERT","attributes":{"Name":"via JMS"}},
                     {"recordId":"all-jms-2","type":"Opportunity","operation":"INSERT","attributes":{"Amount":"lots"}}]""");
        }
        dropFile("all.ndjson", """
                {"recordId":"all-file","type":"Opportunity","operation":"INSERT","attributes":{"Name":"via file"}}
                """);

        Map<String, Message> success = new HashMap<>();
        Map<String, Message> deadLetter = new HashMap<>();
        try (JMSContext context = new ActiveMQConnectionFactory(BrokersResource.artemis().url()).createContext()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                drain(context, "sync.success", success);
                drain(context, "sync.dead-letter", deadLetter);
                return success.size() + deadLetter.size() >= 4;
            });
        }

        assertEquals(List.of("all-file", "all-jms-1", "all-kafka"), success.keySet().stream().sorted().toList());
        assertEquals(List.of("all-jms-2"), List.copyOf(deadLetter.keySet()));
        JsonNode viaKafka = Json.MAPPER.readTree(success.get("all-kafka").getBody(String.class));
        JsonNode viaJms = Json.MAPPER.readTree(success.get("all-jms-1").getBody(String.class));
        JsonNode viaFile = Json.MAPPER.readTree(success.get("all-file").getBody(String.class));
        assertEquals("kafka", viaKafka.at("/source/channel").asText());
        assertEquals("jms", viaJms.at("/source/channel").asText());
        assertTrue(viaJms.at("/source/ref").asText().startsWith("ID:"), viaJms.toString());
        assertEquals("file", viaFile.at("/source/channel").asText());
        assertEquals(viaKafka.at("/result/batchId").asText(), viaFile.at("/result/batchId").asText(),
                "records of the three sources share a batch");
        assertEquals(viaKafka.at("/result/batchId").asText(), viaJms.at("/result/batchId").asText(),
                "records of the three sources share a batch");
        assertEquals("CREATED", success.get("all-kafka").getStringProperty(jmsName("mobject-sync.result.status")));

        Message bad = deadLetter.get("all-jms-2");
        assertEquals("BAD_AMOUNT", bad.getStringProperty(jmsName("mobject-sync.error.code")));
        assertEquals("validation", bad.getStringProperty(jmsName("mobject-sync.error.stage")));
        assertEquals("jms", bad.getStringProperty(jmsName("mobject-sync.error.source.channel")));

        Map<String, Message> all = new HashMap<>(success);
        all.putAll(deadLetter);
        for (Map.Entry<String, Message> delivered : all.entrySet()) {
            List<String> ours = ourProperties(delivered.getValue());
            assertEquals(List.of(), ours.stream().filter(name -> !name.startsWith(jmsName(ChannelHeaders.PREFIX)))
                    .toList(),
                    delivered.getKey() + ": only the mobject-sync.* context properties, nothing else of ours: " + ours);
        }
    }

    /** The message's properties, less those the JMS provider sets itself (JMSX*, e.g. JMSXDeliveryCount). */
    private static List<String> ourProperties(Message message) throws JMSException {
        return Collections.list((Enumeration<?>) message.getPropertyNames()).stream().map(String::valueOf)
                .filter(name -> !name.startsWith("JMSX")).sorted().toList();
    }

    private static void dropFile(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(Path.of("target/test-data/inbox"));
        Files.writeString(inbox.resolve("." + name), content);
        Files.move(inbox.resolve("." + name), inbox.resolve(name));
    }
}
