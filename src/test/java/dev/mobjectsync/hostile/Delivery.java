package dev.mobjectsync.hostile;

import java.util.Properties;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.mobjectsync.brokers.BrokersResource;
import dev.mobjectsync.pipeline.Outbox;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * Delivers raw bytes to the running application on each source and answers the source ref under which
 * the application will report what it found there: {@code <file>} (the readers add {@code #<line>}),
 * {@code <topic>-<partition>@<offset>}, or the JMS message id.
 */
final class Delivery implements AutoCloseable {

    private final String prefix;
    private final KafkaProducer<String, byte[]> kafka;
    private final JMSContext jms;
    private final Queue queue;
    private final JMSProducer jmsProducer;
    private int files;

    Delivery(String prefix) {
        this.prefix = prefix;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BrokersResource.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        this.kafka = new KafkaProducer<>(p);
        this.jms = new ActiveMQConnectionFactory(BrokersResource.artemis().url()).createContext();
        this.queue = jms.createQueue(BrokersResource.SOURCE_QUEUE);
        this.jmsProducer = jms.createProducer();
    }

    /** Drops a file (written under a dot-name, then renamed) and answers its name. */
    String file(String extension, byte[] content) {
        String name = prefix + "-" + (files++) + "." + extension;
        Outbox.drop(name, content);
        return name;
    }

    String kafka(byte[] value) {
        return kafka(null, value);
    }

    /** A message on the source topic (on the given partition, or where the producer puts it). */
    String kafka(Integer partition, byte[] value) {
        try {
            RecordMetadata sent = kafka.send(new ProducerRecord<>(BrokersResource.SOURCE_TOPIC, partition, null, value))
                    .get();
            return sent.topic() + "-" + sent.partition() + "@" + sent.offset();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to Kafka", e);
        }
    }

    /** A bytes message, or a message without a body when {@code body} is null. */
    String jms(byte[] body) {
        try {
            Message message;
            if (body == null) {
                message = jms.createMessage();
            } else {
                BytesMessage bytes = jms.createBytesMessage();
                bytes.writeBytes(body);
                message = bytes;
            }
            jmsProducer.send(queue, message);
            return message.getJMSMessageID();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to JMS", e);
        }
    }

    int kafkaPartitions() {
        return kafka.partitionsFor(BrokersResource.SOURCE_TOPIC).size();
    }

    @Override
    public void close() {
        kafka.close();
        jms.close();
    }
}
