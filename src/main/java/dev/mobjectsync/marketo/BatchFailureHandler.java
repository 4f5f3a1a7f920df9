package dev.mobjectsync.marketo;

import java.time.Clock;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.jboss.logging.Logger;

import dev.mobjectsync.Headers;
import dev.mobjectsync.batch.Batch;
import dev.mobjectsync.outcome.Failure;
import dev.mobjectsync.outcome.RecordOutcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A call that failed as a whole (SOAP fault, transport error): every record of the batch goes to
 * dead-letter with the classified code and message. Retries come before this step (issue "nothing lost").
 */
@ApplicationScoped
@Named("batchFailureHandler")
public class BatchFailureHandler {

    private static final Logger LOG = Logger.getLogger(BatchFailureHandler.class);

    private final FaultClassifier classifier = new FaultClassifier();
    private final Clock clock;

    public BatchFailureHandler(Clock clock) {
        this.clock = clock;
    }

    @Handler
    public List<RecordOutcome> fail(@ExchangeProperty(Headers.BATCH) Batch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) {
        MarketoFault fault = classifier.classify(error);
        LOG.warnf("batch %s (%d %s %s) failed: %s %s", batch.batchId(), batch.size(), batch.operation(), batch.type(),
                fault.code(), fault.message());
        return BatchFailures.allFailed(batch, new Failure(fault.stage(), "FAULT", fault.code(), fault.message(),
                batch.batchId(), 1, clock.instant()));
    }
}
