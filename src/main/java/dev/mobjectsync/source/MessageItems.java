package dev.mobjectsync.source;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.record.InputItem;
import dev.mobjectsync.record.Json;
import dev.mobjectsync.record.JsonValues;
import dev.mobjectsync.record.ReasonCode;
import dev.mobjectsync.record.SourceRef;
import dev.mobjectsync.record.Utf8;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The items of one Kafka or JMS message: one JSON record, or each element of a JSON array. A message
 * that is too large, not UTF-8 or not JSON becomes one unparsable item, so it is dead-lettered and
 * never blocks the partition or the queue.
 */
@ApplicationScoped
@Named("messageItems")
public class MessageItems {

    private final int maxBytes;

    public MessageItems(SyncConfig config) {
        this.maxBytes = config.validation().maxMessageBytes();
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
        List<InputItem> items = new ArrayList<>();
        if (body == null) {
            items.add(InputItem.unparsable(source, "", ReasonCode.UNPARSABLE_JSON, "the message has no body"));
            return items;
        }
        if (body.length > maxBytes) {
            items.add(InputItem.unparsable(source, null, ReasonCode.RECORD_TOO_LARGE,
                    "the message has " + body.length + " bytes, more than " + maxBytes));
            return items;
        }
        String text;
        try {
            text = Utf8.decode(body);
        } catch (CharacterCodingException e) {
            items.add(InputItem.unparsable(source, null, ReasonCode.INVALID_ENCODING,
                    "the message is not valid UTF-8: " + e.getMessage()));
            return items;
        }
        try {
            JsonValues.expand(source, Json.MAPPER.readTree(text), items::add);
        } catch (JsonProcessingException e) {
            items.add(InputItem.unparsable(source, text, ReasonCode.UNPARSABLE_JSON, JsonValues.describe(e)));
        }
        return items;
    }
}
