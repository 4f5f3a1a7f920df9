package dev.mobjectsync.marketo;

import java.util.List;

import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SyncRecord;

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
