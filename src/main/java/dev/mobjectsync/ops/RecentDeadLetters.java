package dev.mobjectsync.ops;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.Json;
import dev.mobjectsync.model.RecordOutcome;

import jakarta.enterprise.context.ApplicationScoped;

/** The latest dead letters written by this instance, newest first, for the status page. */
@ApplicationScoped
public class RecentDeadLetters {

    static final int KEPT = 50;

    /**
     * What the status page shows of a dead letter: its ids and reason, never the record's content; the stage as
     * the channels write it ({@code validation}, {@code marketo}, {@code transport}).
     */
    public record Entry(Instant failedAt, String recordId, String source, String stage, String code,
            String message) {
    }

    private final Deque<RecordOutcome> outcomes = new ArrayDeque<>();

    public void add(RecordOutcome outcome) {
        synchronized (outcomes) {
            outcomes.addFirst(outcome);
            while (outcomes.size() > KEPT) {
                outcomes.removeLast();
            }
        }
    }

    public List<Entry> latest() {
        List<RecordOutcome> latest;
        synchronized (outcomes) {
            latest = List.copyOf(outcomes);
        }
        return latest.stream().map(RecentDeadLetters::entry).toList();
    }

    private static Entry entry(RecordOutcome outcome) {
        Failure failure = outcome.failure();
        String source = outcome.source() == null ? null : outcome.source().channel() + ":" + outcome.source().ref();
        return new Entry(failure.failedAt(), recordId(outcome), source,
                failure.stage() == null ? null : failure.stage().wireName(), failure.code(), failure.message());
    }

    /** As in the envelope: the record's own recordId when it has one, else its source ref. */
    private static String recordId(RecordOutcome outcome) {
        if (outcome.recordId() != null) {
            return outcome.recordId();
        }
        if (outcome.recordJson() != null) {
            try {
                JsonNode id = Json.MAPPER.readTree(outcome.recordJson()).path("recordId");
                if (id.isTextual()) {
                    return id.asText();
                }
            } catch (IOException e) {
                // falls back to the source ref
            }
        }
        return outcome.source() == null ? null : outcome.source().ref();
    }
}
