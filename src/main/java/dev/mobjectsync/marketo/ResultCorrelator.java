package dev.mobjectsync.marketo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.marketo.mktows.Attrib;
import com.marketo.mktows.MObjStatus;
import com.marketo.mktows.MObjStatusEnum;

import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.KeyValue;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.Success;
import dev.mobjectsync.model.SyncRecord;

/**
 * Pairs each {@code mObjStatus} of an answer with the record it is about: by external key or id first,
 * by position when the status carries no key of a record in the batch (a newly created object). When
 * the answer cannot be matched record for record it throws {@link UncorrelatedResponseException}: nothing
 * is guessed; the gateway splits the batch to find the record that confuses Marketo's answer.
 */
public class ResultCorrelator {

    public static final String UNCORRELATED = "UNCORRELATED_RESPONSE";

    private final boolean skippedIsSuccess;

    public ResultCorrelator(boolean skippedIsSuccess) {
        this.skippedIsSuccess = skippedIsSuccess;
    }

    /** @throws UncorrelatedResponseException when the statuses cannot be matched record for record */
    public List<RecordOutcome> correlate(Batch batch, List<MObjStatus> statuses, Instant now) {
        List<SyncRecord> records = batch.records();
        if (statuses.size() != records.size()) {
            throw new UncorrelatedResponseException("Marketo answered " + statuses.size() + " statuses for "
                    + records.size() + " objects");
        }
        int[] recordOfStatus = new int[statuses.size()];
        boolean[] taken = new boolean[records.size()];
        Map<String, Integer> byExternalKey = new HashMap<>();
        Map<Integer, Integer> byId = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            SyncRecord record = records.get(i);
            if (record.externalKey() != null) {
                byExternalKey.put(key(record.externalKey()), i);
            }
            if (record.id() != null) {
                byId.put(record.id(), i);
            }
        }
        for (int i = 0; i < statuses.size(); i++) {
            MObjStatus status = statuses.get(i);
            Integer match = status.getExternalKey() != null ? byExternalKey.get(key(status.getExternalKey())) : null;
            // A CREATED object's id is new: it may equal an id another record of the batch names (one
            // Marketo did not find), so it never identifies a record; position and keys do.
            if (match == null && status.getId() != null && status.getStatus() != MObjStatusEnum.CREATED) {
                match = byId.get(status.getId());
            }
            if (match == null && !taken[i] && consistent(status, records.get(i))) {
                match = i;
            }
            if (match != null && !consistent(status, records.get(match))) {
                match = null;
            }
            if (match == null || taken[match]) {
                throw new UncorrelatedResponseException("status #" + (i + 1) + " (id " + status.getId() + ", "
                        + status.getStatus() + ") matches no record of the batch, or one already matched");
            }
            taken[match] = true;
            recordOfStatus[i] = match;
        }
        RecordOutcome[] outcomes = new RecordOutcome[records.size()];
        for (int i = 0; i < statuses.size(); i++) {
            int r = recordOfStatus[i];
            outcomes[r] = outcome(records.get(r), statuses.get(i), batch.batchId(), now);
        }
        return List.of(outcomes);
    }

    private RecordOutcome outcome(SyncRecord record, MObjStatus status, String batchId, Instant now) {
        String name = status.getStatus() == null ? "NONE" : status.getStatus().value();
        switch (name) {
            case "CREATED", "UPDATED", "UNCHANGED" -> {
                return RecordOutcome.succeeded(record, new Success(name, status.getId(), batchId, now));
            }
            case "SKIPPED" -> {
                if (skippedIsSuccess) {
                    return RecordOutcome.succeeded(record, new Success(name, status.getId(), batchId, now));
                }
                return failed(record, name, "SKIPPED",
                        Objects.requireNonNullElse(status.getError(), "Marketo skipped the object"), batchId, now);
            }
            case "FAILED" -> {
                return failed(record, name, "FAILED",
                        Objects.requireNonNullElse(status.getError(), "Marketo answered FAILED without an error text"),
                        batchId, now);
            }
            default -> {
                return failed(record, name, "UNEXPECTED_STATUS",
                        "syncMObjects answered status " + name + " for this object", batchId, now);
            }
        }
    }

    private static RecordOutcome failed(SyncRecord record, String status, String code, String message,
            String batchId, Instant now) {
        return RecordOutcome.failed(record, new Failure(Stage.MARKETO, status, code, message, batchId, 1, now));
    }

    private static boolean consistent(MObjStatus status, SyncRecord record) {
        boolean keyAgrees = status.getExternalKey() == null || record.externalKey() == null
                || key(status.getExternalKey()).equals(key(record.externalKey()));
        boolean idAgrees = status.getId() == null || record.id() == null || status.getId().equals(record.id());
        return keyAgrees && idAgrees;
    }

    private static String key(Attrib attrib) {
        return attrib.getName() + "=" + attrib.getValue();
    }

    private static String key(KeyValue pair) {
        return pair.name() + "=" + pair.value();
    }
}
