package dev.mobjectsync.outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.component.kafka.KafkaConstants;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.Channels;
import dev.mobjectsync.model.RecordOutcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Turns a batch's outcomes into channel writes. A file channel gets the envelopes of one batch as one
 * write of NDJSON lines (one open and append instead of one per record); any other channel (Kafka,
 * JMS, ...) gets one message per record, with its context headers and key.
 */
@ApplicationScoped
@Named("channelWrites")
public class ChannelWrites {

    /**
     * One write: the channel ({@link Channels#SUCCESS} or {@link Channels#DEAD_LETTER}), the body, its
     * headers, and the outcomes it carries (counted once it is written).
     */
    public record Write(String channel, String body, Map<String, Object> headers, List<RecordOutcome> outcomes) {
    }

    private final EnvelopeWriter envelopes;
    private final String successUri;
    private final String deadLetterUri;

    @Inject
    public ChannelWrites(EnvelopeWriter envelopes, SyncConfig config) {
        this(envelopes, config.channels().success(), config.channels().deadLetter());
    }

    /** The channels' endpoint URIs decide the writes: file lines, or messages (Kafka: with the message key). */
    public ChannelWrites(EnvelopeWriter envelopes, String successUri, String deadLetterUri) {
        this.envelopes = envelopes;
        this.successUri = successUri;
        this.deadLetterUri = deadLetterUri;
    }

    static boolean isFile(String uri) {
        return uri.startsWith("file:") || uri.startsWith("file://");
    }

    static boolean isKafka(String uri) {
        return uri.startsWith("kafka:");
    }

    private String uriOf(String channel) {
        return Channels.SUCCESS.equals(channel) ? successUri : deadLetterUri;
    }

    @Handler
    public List<Write> writes(List<RecordOutcome> outcomes) {
        List<Write> writes = new ArrayList<>();
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        Map<String, List<RecordOutcome>> linesOutcomes = new HashMap<>();
        for (RecordOutcome outcome : outcomes) {
            String channel = channelOf(outcome);
            if (isFile(uriOf(channel))) {
                StringBuilder text = lines.computeIfAbsent(channel, c -> new StringBuilder());
                text.append(text.isEmpty() ? "" : "\n").append(envelopes.text(outcome));
                linesOutcomes.computeIfAbsent(channel, c -> new ArrayList<>()).add(outcome);
            } else {
                writes.add(single(outcome));
            }
        }
        lines.forEach((channel, text) -> writes.add(new Write(channel, text.toString(), Map.of(),
                linesOutcomes.get(channel))));
        return writes;
    }

    /**
     * The write of one outcome on its own: the mobject-sync.* context headers, and the message key only
     * for a Kafka channel (on JMS, Camel would send the key's header as a property {@code kafka_DOT_KEY}).
     */
    public Write single(RecordOutcome outcome) {
        Map<String, Object> headers = new HashMap<>();
        String body = envelopes.envelope(outcome, headers);
        String channel = channelOf(outcome);
        if (!isKafka(uriOf(channel))) {
            headers.remove(KafkaConstants.KEY);
        }
        return new Write(channel, body, headers, List.of(outcome));
    }

    private static String channelOf(RecordOutcome outcome) {
        return outcome.isSuccess() ? Channels.SUCCESS : Channels.DEAD_LETTER;
    }

    /** Before a write is sent: its body, headers and the channel property the route chooses on. */
    public String prepare(Write write, Exchange exchange) {
        exchange.getMessage().getHeaders().putAll(write.headers());
        exchange.setProperty(Headers.CHANNEL, write.channel());
        exchange.setProperty(Headers.WRITE, write);
        return write.body();
    }
}
