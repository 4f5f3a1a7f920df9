package dev.mobjectsync.record;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Handler;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SourceRef;
import dev.mobjectsync.model.Stage;
import dev.mobjectsync.model.SyncCounters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The accept step: an {@link InputItem} becomes a {@link SyncRecord}
 * or a validation-stage {@link RecordOutcome} bound for dead-letter.
 */
@ApplicationScoped
@Named("recordAcceptor")
public class RecordAcceptor {

    private final RecordValidator validator;
    private final Clock clock;
    private final SyncCounters metrics;

    public RecordAcceptor(SyncConfig config, Clock clock, SyncCounters metrics) {
        this.validator = new RecordValidator(config.defaultOperation(), config.validation().maxFieldLength(),
                new IgnoredFields(config.validation().ignoredFields().orElse(Set.of())));
        this.clock = clock;
        this.metrics = metrics;
    }

    @Handler
    public Object accept(InputItem item) {
        return check(item);
    }

    /** The item as a valid {@link SyncRecord}, or as a validation-stage {@link RecordOutcome}. */
    public Object check(InputItem item) {
        metrics.recordIn(item.source().channel());
        try {
            return validate(item);
        } catch (RuntimeException e) {
            return rejected(null, item.node() == null ? item.unparsedText() : item.node().toString(), item.source(),
                    "INTERNAL_ERROR", "validation failed unexpectedly: " + e);
        }
    }

    /** Whether what {@link #check} gave is a refused item (a validation-stage {@link RecordOutcome}), not a record. */
    public boolean refused(Object checked) {
        return checked instanceof RecordOutcome;
    }

    private Object validate(InputItem item) {
        if (!item.isParsed()) {
            return rejected(null, item.unparsedText(), item.source(), item.parseError().name(), item.parseMessage());
        }
        RecordValidator.Result result = validator.validate(item.node(), item.source());
        if (result.valid()) {
            return result.record();
        }
        String text = result.recordJson() == null ? item.node().toString() : null;
        String message = result.defects().stream().map(Defect::message).collect(Collectors.joining("; "));
        return rejected(result.recordJson(), text, item.source(), result.defects().get(0).code().name(), message);
    }

    private RecordOutcome rejected(String json, String text, SourceRef source, String code, String message) {
        return RecordOutcome.rejected(json, text, source,
                new Failure(Stage.VALIDATION, "INVALID", code, message, null, 0, clock.instant()));
    }
}
