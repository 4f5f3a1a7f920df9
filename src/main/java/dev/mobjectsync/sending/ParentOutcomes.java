package dev.mobjectsync.sending;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;

import dev.mobjectsync.Headers;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Parents first, and said so: a role is sent after every earlier record of its Opportunity has its
 * outcome, whatever that was (Marketo decides). When Marketo then refuses the role and the latest record
 * of its Opportunity was dead-lettered, the role's dead letter names that record and its code, which is
 * most likely why. Remembers the latest dead letter of each Opportunity key (the most recent
 * {@link #REMEMBERED} of them), forgotten when a later record of it succeeds.
 */
@ApplicationScoped
@Named("parentOutcomes")
public class ParentOutcomes {

    static final int REMEMBERED = 100_000;

    private final Map<String, String> deadLettered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The outcomes of one call, roles' dead letters completed with their Opportunity's. */
    @Handler
    public List<RecordOutcome> name(List<RecordOutcome> outcomes, @ExchangeProperty(Headers.SENT) Batch sent) {
        Map<String, SyncRecord> records = new HashMap<>();
        sent.records().forEach(record -> records.put(record.recordId(), record));
        return outcomes.stream().map(outcome -> name(outcome, records.get(outcome.recordId()))).toList();
    }

    private synchronized RecordOutcome name(RecordOutcome outcome, SyncRecord record) {
        if (record == null) {
            return outcome;
        }
        if (LaneKeys.isParent(record)) {
            for (String key : record.marketoKeys()) {
                if (outcome.isSuccess()) {
                    deadLettered.remove(key);
                } else {
                    deadLettered.put(key, "its Opportunity " + record.recordId() + " was dead-lettered "
                            + outcome.failure().code());
                }
            }
            return outcome;
        }
        String parent = LaneKeys.parentOf(record);
        String parentFailure = parent == null || outcome.isSuccess() ? null : deadLettered.get(parent);
        if (parentFailure == null) {
            return outcome;
        }
        Failure failure = outcome.failure();
        return new RecordOutcome(outcome.recordJson(), outcome.unparsedText(), outcome.source(), outcome.marketoKey(),
                outcome.recordId(), null, new Failure(failure.stage(), failure.status(), failure.code(),
                        failure.message() + " (" + parentFailure + ")", failure.batchId(), failure.attempts(),
                        failure.failedAt()));
    }
}
