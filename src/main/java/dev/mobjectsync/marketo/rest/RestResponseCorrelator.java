package dev.mobjectsync.marketo.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.marketo.UncorrelatedResponseException;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Channels;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.Success;
import dev.mobjectsync.model.SyncRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The REST answer plus the call become one outcome per record of the batch: the records REST could not
 * express (already refused), and each sent record paired with the result of its {@code seq}.
 * {@code created}/{@code updated} are successes with the SOAP names CREATED/UPDATED, so channel
 * consumers see the same statuses whichever gateway ran; {@code skipped} goes to dead-letter (or to
 * success with {@code results.skipped-to=success}) with its reason codes as the code. A program update
 * answered {@code success:true} is UPDATED. An answer that does not name each sent record exactly once
 * throws {@link UncorrelatedResponseException}: nothing is guessed (the seam splits the batch).
 */
@ApplicationScoped
@Named("restResponseCorrelator")
public class RestResponseCorrelator {

    private final boolean skippedIsSuccess;
    private final Clock clock;

    @Inject
    public RestResponseCorrelator(SyncConfig config, Clock clock) {
        this(Channels.SUCCESS.equals(config.results().skippedTo()), clock);
    }

    public RestResponseCorrelator(boolean skippedIsSuccess, Clock clock) {
        this.skippedIsSuccess = skippedIsSuccess;
        this.clock = clock;
    }

    @Handler
    public List<RecordOutcome> correlate(@Body Object answer, @ExchangeProperty(Headers.BATCH) Batch batch,
            @ExchangeProperty(Headers.REST_CALL) RestCall call) {
        Instant now = clock.instant();
        List<RecordOutcome> outcomes = new ArrayList<>(call.refused());
        if (!call.isSendable()) {
            return outcomes;
        }
        JsonNode results = ((JsonNode) answer).path("result");
        if (call.programUpdate()) {
            SyncRecord program = call.sent().get(0);
            Integer id = results.path(0).path("id").isInt() ? results.path(0).path("id").asInt() : program.id();
            outcomes.add(RecordOutcome.succeeded(program, new Success("UPDATED", id, batch.batchId(), now)));
            return outcomes;
        }
        List<SyncRecord> sent = call.sent();
        JsonNode[] bySeq = new JsonNode[sent.size()];
        if (results.size() != sent.size()) {
            throw new UncorrelatedResponseException("Marketo answered " + results.size() + " results for "
                    + sent.size() + " records");
        }
        for (JsonNode result : results) {
            int seq = result.path("seq").asInt(-1);
            if (!result.path("seq").isInt() || seq < 0 || seq >= sent.size() || bySeq[seq] != null) {
                throw new UncorrelatedResponseException("a result with seq " + result.path("seq")
                        + " matches no record of the call, or one already matched");
            }
            bySeq[seq] = result;
        }
        for (int seq = 0; seq < sent.size(); seq++) {
            outcomes.add(outcome(sent.get(seq), bySeq[seq], batch.batchId(), now));
        }
        return outcomes;
    }

    private RecordOutcome outcome(SyncRecord record, JsonNode result, String batchId, Instant now) {
        String status = result.path("status").asText("");
        String guid = result.hasNonNull("marketoGUID") ? result.get("marketoGUID").asText() : null;
        switch (status) {
            case "created", "updated" -> {
                return RecordOutcome.succeeded(record,
                        new Success(status.toUpperCase(Locale.ROOT), null, guid, batchId, now));
            }
            case "skipped" -> {
                if (skippedIsSuccess) {
                    return RecordOutcome.succeeded(record, new Success("SKIPPED", null, guid, batchId, now));
                }
                List<String> codes = new ArrayList<>();
                List<String> messages = new ArrayList<>();
                for (JsonNode reason : result.path("reasons")) {
                    codes.add(reason.path("code").asText());
                    messages.add(reason.path("code").asText() + " " + reason.path("message").asText());
                }
                return RecordOutcome.failed(record, new Failure(Stage.MARKETO, "SKIPPED",
                        codes.isEmpty() ? "SKIPPED" : String.join(",", codes),
                        messages.isEmpty() ? "Marketo skipped the record without a reason" : String.join("; ",
                                messages),
                        batchId, 1, now));
            }
            default -> {
                return RecordOutcome.failed(record, new Failure(Stage.MARKETO, status.isEmpty() ? "NONE" : status,
                        "UNEXPECTED_STATUS", "the REST sync answered status '" + status + "' for this record", batchId,
                        1, now));
            }
        }
    }
}
