package dev.mobjectsync.outcome;

import dev.mobjectsync.record.SourceRef;

/**
 * What became of one input item: exactly one of {@code success} and {@code failure} is set.
 * {@code recordJson} is the input record as received; {@code unparsedText} stands in for it when
 * the input could not be parsed at all.
 */
public record RecordOutcome(String recordJson, String unparsedText, SourceRef source, Success success,
        Failure failure) {

    public static RecordOutcome succeeded(String recordJson, SourceRef source, Success success) {
        return new RecordOutcome(recordJson, null, source, success, null);
    }

    public static RecordOutcome failed(String recordJson, String unparsedText, SourceRef source, Failure failure) {
        return new RecordOutcome(recordJson, unparsedText, source, null, failure);
    }

    public boolean isSuccess() {
        return success != null;
    }
}
