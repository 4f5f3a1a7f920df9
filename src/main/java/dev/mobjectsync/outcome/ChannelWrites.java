package dev.mobjectsync.outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;

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
     * One write: the channel ({@link Headers#SUCCESS} or {@link Headers#DEAD_LETTER}), the body, its
     * headers, and the outcomes it carries (counted once it is written).
     */
    public record Write(String channel, String body, Map<String, Object> headers, List<RecordOutcome> outcomes) {
    }

    /** Exchange property: the write being sent. */
    public static final String WRITE = "MobjectSyncWrite";

    private final EnvelopeWriter envelopes;
    private final boolean successIsFile;
    private final boolean deadLetterIsFile;

    @Inject
    public ChannelWrites(EnvelopeWriter envelopes, SyncConfig config) {
        this(envelopes, isFile(config.channels().success()), isFile(config.channels().deadLetter()));
    }

    public ChannelWrites(EnvelopeWriter envelopes, boolean successIsFile, boolean deadLetterIsFile) {
        this.envelopes = envelopes;
        this.successIsFile = successIsFile;
        this.deadLetterIsFile = deadLetterIsFile;
    }

    static boolean isFile(String uri) {
        return uri.startsWith("file:") || uri.startsWith("file://");
    }

    @Handler
    public List<Write> writes(List<RecordOutcome> outcomes) {
        List<Write> writes = new ArrayList<>();
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        Map<String, List<RecordOutcome>> linesOutcomes = new HashMap<>();
        for (RecordOutcome outcome : outcomes) {
            String channel = channelOf(outcome);
            if (Headers.SUCCESS.equals(channel) ? successIsFile : deadLetterIsFile) {
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

    /** The write of one outcome on its own. */
    public Write single(RecordOutcome outcome) {
        Map<String, Object> headers = new HashMap<>();
        String body = envelopes.envelope(outcome, headers);
        return new Write(channelOf(outcome), body, headers, List.of(outcome));
    }

    private static String channelOf(RecordOutcome outcome) {
        return outcome.isSuccess() ? Headers.SUCCESS : Headers.DEAD_LETTER;
    }

    /** Before a write is sent: its body, headers and the channel property the route chooses on. */
    public String prepare(Write write, Exchange exchange) {
        exchange.getMessage().getHeaders().putAll(write.headers());
        exchange.setProperty(Headers.CHANNEL, write.channel());
        exchange.setProperty(WRITE, write);
        return write.body();
    }
}
