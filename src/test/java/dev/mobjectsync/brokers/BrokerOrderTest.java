package dev.mobjectsync.brokers;

import static dev.mobjectsync.pipeline.Outbox.awaitAll;
import static dev.mobjectsync.pipeline.Outbox.deadLetter;
import static dev.mobjectsync.pipeline.Outbox.success;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObject;

import dev.mobjectsync.MarketoQueries;
import dev.mobjectsync.marketo.RequestSigner;
import dev.mobjectsync.pipeline.CleanTestData;
import dev.mobjectsync.simulator.CallLog;
import dev.mobjectsync.simulator.FaultInjector;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Order per object from the brokers (README "Guarantees"): by Kafka, with the Opportunity's external key as
 * the message key (one partition per object, the topic has three); by JMS, with the external key as
 * {@code JMSXGroupID} and two concurrent consumers (Artemis gives a group to one consumer at a time).
 * Opportunities then their roles: every role succeeds; rounds of updates: Marketo ends with the last.
 */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BrokersResource.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "channels", value = "file"))
class BrokerOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final int OBJECTS = 60;
    private static final int ROUNDS = 4;

    @Inject
    FaultInjector faults;

    @Inject
    ProducerTemplate producer;

    @Inject
    RequestSigner signer;

    @Inject
    CallLog callLog;

    @BeforeEach
    void someLatency() {
        // calls overlap in time, as they do against Marketo
        faults.set(new FaultInjector.Settings(Duration.ofMillis(50), 0, "20023", 0, 0, Duration.ofSeconds(20), 0,
                null, 1));
        callLog.clear();
    }

    /** Per object: its INSERT, its role, then rounds of updates; objects interleaved, as events arrive. */
    private static List<String[]> events(String prefix) {
        List<String[]> events = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            String key = prefix + "K" + i;
            events.add(new String[]{key, "{\"recordId\":\"" + prefix + "o" + i + "\",\"type\":\"Opportunity\","
                    + "\"operation\":\"INSERT\",\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + key + "\"},"
                    + "\"attributes\":{\"Name\":\"n" + i + "\",\"Amount\":\"0\"}}"});
        }
        for (int i = 0; i < OBJECTS; i++) {
            String key = prefix + "K" + i;
            events.add(new String[]{key, "{\"recordId\":\"" + prefix + "r" + i
                    + "\",\"type\":\"OpportunityPersonRole\","
                    + "\"operation\":\"INSERT\",\"attributes\":{\"Role\":\"Buyer\"},\"associations\":[{\"type\":"
                    + "\"Opportunity\",\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\"" + key + "\"}},"
                    + "{\"type\":\"Lead\",\"id\":" + (500 + i) + "}]}"});
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (int i = 0; i < OBJECTS; i++) {
                String key = prefix + "K" + i;
                events.add(new String[]{key, "{\"recordId\":\"" + prefix + "u" + i + "-" + round + "\",\"type\":"
                        + "\"Opportunity\",\"operation\":\"UPDATE\",\"externalKey\":{\"name\":\"ExtOpptyId\",\"value\":\""
                        + key + "\"},\"attributes\":{\"Amount\":\"" + round + "\"}}"});
            }
        }
        return events;
    }

    private void publishAndCheck(String prefix, BiConsumer<String, String> publish, Runnable published) {
        List<String[]> events = events(prefix);
        events.forEach(event -> publish.accept(event[0], event[1]));
        published.run();

        awaitAll(prefix, events.size(), PATIENCE);
        assertEquals(List.of(), deadLetter(prefix).stream().map(e -> e.path("recordId").asText() + " "
                + e.at("/error/message").asText()).toList());
        assertEquals(events.size(), success(prefix).size());
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            List<MObject> held = MarketoQueries.opportunitiesByExternalKey(producer, signer, prefix + "K" + i);
            String amount = held.get(0).getAttribList().getAttrib().stream().filter(a -> "Amount".equals(a.getName()))
                    .map(Attrib::getValue).findFirst().orElse(null);
            if (held.size() != 1 || amount == null || Double.parseDouble(amount) != ROUNDS) {
                stale.add(prefix + "K" + i + "=" + amount + " (" + held.size() + " objects)");
            }
        }
        assertEquals(List.of(), stale, "one object each, with the last round's Amount");
        assertEquals(0, callLog.summary().overlapping(), "calls overlapping on one object: " + callLog.summary());
    }

    @Test
    void kafkaKeyedByTheOpportunityKeepsItsOrder() {
        try (KafkaProducer<String, byte[]> kafka = BrokersResource.kafka().producer()) {
            publishAndCheck("kord-", (key, value) -> kafka.send(new ProducerRecord<>(BrokersResource.SOURCE_TOPIC, key,
                    value.getBytes(StandardCharsets.UTF_8))), kafka::flush);
        }
    }

    @Test
    void jmsGroupedByTheOpportunityKeepsItsOrderWithTwoConsumers() throws Exception {
        try (JMSContext context = new ActiveMQConnectionFactory(BrokersResource.artemis().url()).createContext()) {
            Queue queue = context.createQueue(BrokersResource.SOURCE_QUEUE);
            var jms = context.createProducer();
            publishAndCheck("jord-", (key, value) -> {
                TextMessage message = context.createTextMessage(value);
                try {
                    message.setStringProperty("JMSXGroupID", key);
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
                jms.send(queue, message);
            }, () -> {
            });
        }
    }
}
