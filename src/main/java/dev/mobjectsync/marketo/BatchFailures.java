package dev.mobjectsync.marketo;

import java.util.List;

import dev.mobjectsync.batch.Batch;
import dev.mobjectsync.outcome.Failure;
import dev.mobjectsync.outcome.RecordOutcome;
import dev.mobjectsync.record.SyncRecord;

/** A whole batch that failed as one: every record gets the same failure, so none goes missing. */
public final class BatchFailures {

    private BatchFailures() {
    }

    public static List<RecordOutcome> allFailed(Batch batch, Failure failure) {
        return allFailed(batch.records(), failure);
    }

    public static List<RecordOutcome> allFailed(List<SyncRecord> records, Failure failure) {
        return records.stream()
                .map(record -> RecordOutcome.failed(record, failure))
                .toList();
    }
}
