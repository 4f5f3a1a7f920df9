package dev.mobjectsync.brokers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.MarketoQueries;
import dev.mobjectsync.marketo.RequestSigner;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.outcome.ChannelHeaders;
import dev.mobjectsync.pipeline.CleanTestData;
import dev.mobjectsync.simulator.CallLog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/** Kafka and JMS as sources, Kafka topics as channels, against real brokers over TCP. */
@QuarkusTest
@QuarkusTestResource(value = CleanTestData.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BrokersResource.class, restrictToAnnotatedClass = true)
class BrokerSourcesTest {

    private static final Set<String> CHANNEL_TOPICS = Set.of("sync-success", "sync-dead-letter");

    @Inject
    CallLog callLog;

    @Inject
    ProducerTemplate producer;

    @Inject
    RequestSigner signer;

    @BeforeEach
    void clearCallLog() {
        callLog.clear();
    }

    private static void publishToJms(List<String> texts, List<byte[]> rawBytes) {
        try (JMSContext context = new ActiveMQConnectionFactory(BrokersResource.artemis().url()).createContext()) {
            Queue queue = context.createQueue(BrokersResource.SOURCE_QUEUE);
            var producer = context.createProducer();
            texts.forEach(text -> producer.send(queue, text));
            for (byte[] bytes : rawBytes) {
                BytesMessage message = context.createBytesMessage();
                message.writeBytes(bytes);
                producer.send(queue, message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Channel messages by recordId, read until all expected arrived: the records whose recordId starts
     * with the prefix, and the unparsable messages of one source (their recordId is the source ref).
     */
    private static Map<String, List<ConsumerRecord<String, String>>> awaitDeliveries(String prefix,
            String unparsableRefPrefix, int expected) {
        Map<String, List<ConsumerRecord<String, String>>> byId = new HashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            byId.clear();
            for (ConsumerRecord<String, String> record : BrokersResource.kafka().readAll(CHANNEL_TOPICS,
                    Duration.ofMillis(500))) {
                JsonNode envelope = Json.MAPPER.readTree(record.value());
                String id = envelope.path("recordId").asText();
                String raw = envelope.path("raw").asText();
                if (id.startsWith(prefix) || raw.contains("\"" + prefix)
                        || unparsableRefPrefix != null && id.startsWith(unparsableRefPrefix)) {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(record);
                }
            }
            return byId.values().stream().mapToInt(List::size).sum() >= expected;
        });
        return byId;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void thousandRecordsFromKafkaAndThousandFromJmsEachReachExactlyOneChannel() {
        MixedRecords fromKafka = new MixedRecords("k-", 1000);
        MixedRecords fromJms = new MixedRecords("j-", 1000);
        List<byte[]> kafkaValues = new ArrayList<>();
        for (int i = 0; i < fromKafka.json.size(); i += 1) {
            kafkaValues.add(fromKafka.json.get(i).getBytes(StandardCharsets.UTF_8));
        }
        kafkaValues.add(500, new byte[]{'{', (byte) 0xC3, (byte) 0x28, '}'});
        kafkaValues.add(250, "this is not JSON".getBytes(StandardCharsets.UTF_8));
        kafkaValues.add(750, ("{\"recordId\":\"k-huge\",\"type\":\"Opportunity\",\"attributes\":{\"Description\":\""
                + "x".repeat(20_000) + "\"}}").getBytes(StandardCharsets.UTF_8));
        BrokersResource.kafka().send(BrokersResource.SOURCE_TOPIC, kafkaValues);
        publishToJms(fromJms.json, List.of(new byte[]{'[', (byte) 0xFF, ']'}));

        Map<String, List<ConsumerRecord<String, String>>> kafkaSide = awaitDeliveries("k-", BrokersResource.SOURCE_TOPIC
                + "-", 1000 + 3);
        Map<String, List<ConsumerRecord<String, String>>> jmsSide = awaitDeliveries("j-", "ID:", 1000 + 1);

        for (MixedRecords records : List.of(fromKafka, fromJms)) {
            Map<String, List<ConsumerRecord<String, String>>> side = records == fromKafka ? kafkaSide : jmsSide;
            records.expected.forEach((id, channel) -> {
                List<ConsumerRecord<String, String>> deliveries = side.get(id);
                assertTrue(deliveries != null && deliveries.size() == 1, id + " delivered " + deliveries);
                assertEquals("sync-" + channel, deliveries.get(0).topic(), id);
            });
        }
        List<ConsumerRecord<String, String>> poison = new ArrayList<>();
        kafkaSide.forEach((id, deliveries) -> {
            if (!fromKafka.expected.containsKey(id)) {
                poison.addAll(deliveries);
            }
        });
        assertEquals(Set.of("INVALID_ENCODING", "UNPARSABLE_JSON", "RECORD_TOO_LARGE"),
                Set.copyOf(poison.stream().map(r -> header(r, "mobject-sync.error.code")).toList()));
        poison.forEach(r -> assertEquals("sync-dead-letter", r.topic()));
        poison.forEach(r -> assertTrue(header(r, "mobject-sync.error.source.ref").startsWith("crm-records-"),
                header(r, "mobject-sync.error.source.ref")));
        List<ConsumerRecord<String, String>> jmsPoison = new ArrayList<>();
        jmsSide.forEach((id, deliveries) -> {
            if (!fromJms.expected.containsKey(id)) {
                jmsPoison.addAll(deliveries);
            }
        });
        assertEquals(1, jmsPoison.size(), jmsPoison.toString());
        assertEquals("INVALID_ENCODING", header(jmsPoison.get(0), "mobject-sync.error.code"));
        assertEquals("jms", header(jmsPoison.get(0), "mobject-sync.error.source.channel"));

        assertTrue(callLog.syncCalls().stream().allMatch(c -> c.objects() <= 100), "batches of at most 100");
        assertTrue(callLog.syncCalls().stream().mapToInt(CallLog.Call::objects).sum() >= 1800 - 200,
                "valid records went to Marketo in batches");
    }

    @Test
    void channelMessagesCarryTheEnvelopeAKeyAndErrorContextHeaders() throws Exception {
        BrokersResource.kafka().send(BrokersResource.SOURCE_TOPIC, List.of(
                """
                {"recordId":"kh-ok","type":"Opportunity","operation":"UPSERT","externalKey":{"name":"ExtOpptyId","value":"KH-1"},"attributes":{"Name":"Header deal"}}"""
                        .getBytes(StandardCharsets.UTF_8),
                """
                {"recordId":"kh-bad","type":"Opportunity","operation":"UPDATE","attributes":{"Name":"no key"}}"""
                        .getBytes(StandardCharsets.UTF_8)));

        Map<String, List<ConsumerRecord<String, String>>> byId = awaitDeliveries("kh-", null, 2);

        ConsumerRecord<String, String> ok = byId.get("kh-ok").get(0);
        assertEquals("sync-success", ok.topic());
        assertEquals("Opportunity#ExtOpptyId=KH-1", ok.key());
        JsonNode okEnvelope = Json.MAPPER.readTree(ok.value());
        assertEquals("CREATED", okEnvelope.at("/result/status").asText());
        assertEquals("Header deal", okEnvelope.at("/attributes/Name").asText());
        assertEquals("kafka", okEnvelope.at("/source/channel").asText());
        assertEquals("CREATED", header(ok, "mobject-sync.result.status"));
        assertEquals(okEnvelope.at("/result/marketoId").asText(), header(ok, "mobject-sync.result.marketo-id"));

        ConsumerRecord<String, String> bad = byId.get("kh-bad").get(0);
        assertEquals("sync-dead-letter", bad.topic());
        assertEquals("kh-bad", bad.key());
        assertEquals("validation", header(bad, "mobject-sync.error.stage"));
        assertEquals("MISSING_KEY", header(bad, "mobject-sync.error.code"));
        assertEquals("UPDATE needs an id or an externalKey", header(bad, "mobject-sync.error.message"));
        assertEquals(Json.MAPPER.readTree(bad.value()).at("/source/ref").asText(),
                header(bad, "mobject-sync.error.source.ref"));
        assertEquals("kh-bad", header(bad, "mobject-sync.record-id"));
        assertEquals(null, header(bad, "kafka.TOPIC"), "inbound headers are not forwarded");
        for (ConsumerRecord<String, String> delivered : List.of(ok, bad)) {
            List<String> names = new ArrayList<>();
            delivered.headers().forEach(h -> names.add(h.key()));
            assertEquals(List.of(), names.stream().filter(name -> !name.startsWith(ChannelHeaders.PREFIX)).toList(),
                    "only the mobject-sync.* context headers (and the message key): " + names);
        }

        assertEquals(1, MarketoQueries.opportunitiesByExternalKey(producer, signer, "KH-1").size(),
                "the simulator holds the synced Opportunity");
    }
}
