package dev.mobjectsync.outcome;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.Success;

/**
 * The envelope's context as message headers, in the style of Kafka Connect's DLQ context headers.
 * All values are strings. (JMS property names cannot hold '.' or '-': Camel's JMS component writes
 * {@code mobject-sync.error.code} as {@code mobject_HYPHEN_sync_DOT_error_DOT_code} and reads it back.)
 */
public final class ChannelHeaders {

    public static final String PREFIX = "mobject-sync.";
    public static final String RECORD_ID = PREFIX + "record-id";
    public static final String RESULT_STATUS = PREFIX + "result.status";
    public static final String RESULT_MARKETO_ID = PREFIX + "result.marketo-id";
    public static final String RESULT_MARKETO_GUID = PREFIX + "result.marketo-guid";
    public static final String RESULT_BATCH_ID = PREFIX + "result.batch-id";
    public static final String ERROR_STAGE = PREFIX + "error.stage";
    public static final String ERROR_STATUS = PREFIX + "error.status";
    public static final String ERROR_CODE = PREFIX + "error.code";
    public static final String ERROR_MESSAGE = PREFIX + "error.message";
    public static final String ERROR_BATCH_ID = PREFIX + "error.batch-id";
    public static final String ERROR_ATTEMPTS = PREFIX + "error.attempts";
    public static final String ERROR_FAILED_AT = PREFIX + "error.failed-at";
    public static final String ERROR_SOURCE_CHANNEL = PREFIX + "error.source.channel";
    public static final String ERROR_SOURCE_REF = PREFIX + "error.source.ref";

    private ChannelHeaders() {
    }

    static Map<String, Object> of(RecordOutcome outcome, String recordId) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(RECORD_ID, recordId);
        if (outcome.isSuccess()) {
            Success s = outcome.success();
            headers.put(RESULT_STATUS, s.status());
            putIfPresent(headers, RESULT_MARKETO_ID, s.marketoId());
            putIfPresent(headers, RESULT_MARKETO_GUID, s.marketoGuid());
            headers.put(RESULT_BATCH_ID, s.batchId());
            return headers;
        }
        Failure f = outcome.failure();
        headers.put(ERROR_STAGE, f.stage().wireName());
        headers.put(ERROR_STATUS, f.status());
        headers.put(ERROR_CODE, f.code());
        headers.put(ERROR_MESSAGE, f.message());
        putIfPresent(headers, ERROR_BATCH_ID, f.batchId());
        headers.put(ERROR_ATTEMPTS, String.valueOf(f.attempts()));
        headers.put(ERROR_FAILED_AT, f.failedAt().toString());
        headers.put(ERROR_SOURCE_CHANNEL, outcome.source().channel());
        headers.put(ERROR_SOURCE_REF, outcome.source().ref());
        return headers;
    }

    private static void putIfPresent(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, String.valueOf(value));
        }
    }
}
