package dev.mobjectsync.ops;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.mobjectsync.outcome.Failure;
import dev.mobjectsync.outcome.RecordOutcome;

import jakarta.enterprise.context.ApplicationScoped;

/** The latest dead letters written by this instance, newest first, for the status page. */
@ApplicationScoped
public class RecentDeadLetters {

    static final int KEPT = 50;

    /** What the status page shows of a dead letter; never the record's content. */
    public record Entry(Instant failedAt, String recordId, String source, String stage, String code,
            String message) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public void add(RecordOutcome outcome) {
        Failure failure = outcome.failure();
        String source = outcome.source() == null ? null : outcome.source().channel() + ":" + outcome.source().ref();
        Entry entry = new Entry(failure.failedAt(), outcome.recordId(), source,
                failure.stage() == null ? null : failure.stage().name(), failure.code(), failure.message());
        synchronized (entries) {
            entries.addFirst(entry);
            while (entries.size() > KEPT) {
                entries.removeLast();
            }
        }
    }

    public List<Entry> latest() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }
}
