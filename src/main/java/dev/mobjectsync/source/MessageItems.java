package dev.mobjectsync.source;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.record.InputItem;
import dev.mobjectsync.record.MessageRecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The items of one Kafka or JMS message ({@link MessageRecords}), with the message's source ref.
 */
@ApplicationScoped
@Named("messageItems")
public class MessageItems {

    private final MessageRecords records;

    public MessageItems(SyncConfig config) {
        this.records = new MessageRecords(config.validation().maxMessageBytes());
    }

    /** Source ref {@code topic-partition@offset}. */
    public List<InputItem> fromKafka(Exchange exchange) {
        var in = exchange.getMessage();
        String ref = in.getHeader(KafkaConstants.TOPIC, String.class) + "-"
                + in.getHeader(KafkaConstants.PARTITION, String.class) + "@"
                + in.getHeader(KafkaConstants.OFFSET, String.class);
        return items(new SourceRef("kafka", ref), in.getBody(byte[].class));
    }

    /** Source ref: the JMS message id. */
    public List<InputItem> fromJms(Exchange exchange) {
        var in = exchange.getMessage();
        return items(new SourceRef("jms", in.getHeader("JMSMessageID", String.class)), in.getBody(byte[].class));
    }

    List<InputItem> items(SourceRef source, byte[] body) {
        return records.items(source, body);
    }
}
