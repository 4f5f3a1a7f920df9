package dev.mobjectsync.model;

import java.io.Serializable;

/**
 * What became of one input item: exactly one of {@code success} and {@code failure} is set.
 * {@code recordJson} is the input record as received; {@code unparsedText} stands in for it when
 * the input could not be parsed at all. {@code marketoKey} and {@code recordId} are set once the
 * record was valid.
 */
public record RecordOutcome(String recordJson, String unparsedText, SourceRef source, String marketoKey,
        String recordId, Success success, Failure failure) implements Serializable {

    public static RecordOutcome succeeded(SyncRecord record, Success success) {
        return new RecordOutcome(record.json(), null, record.source(), record.marketoKey(), record.recordId(), success,
                null);
    }

    public static RecordOutcome failed(SyncRecord record, Failure failure) {
        return new RecordOutcome(record.json(), null, record.source(), record.marketoKey(), record.recordId(), null,
                failure);
    }

    /** A record refused before batching: its JSON if it parsed, else the text that did not. */
    public static RecordOutcome rejected(String recordJson, String unparsedText, SourceRef source, Failure failure) {
        return new RecordOutcome(recordJson, unparsedText, source, null, null, null, failure);
    }

    public boolean isSuccess() {
        return success != null;
    }
}
