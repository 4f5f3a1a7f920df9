package dev.mobjectsync.marketo;

import java.time.Clock;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.jboss.logging.Logger;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Chunk;
import dev.mobjectsync.model.Failure;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A batch that failed as a whole (after its retries): every record goes to dead-letter with the
 * classified code, message and number of attempts. One exception: a transport error while the application is shutting down is not the
 * batch's fault (an embedded simulator, or the network, may already be gone), so the batch stays
 * unconfirmed in the repository and is sent again after the restart.
 */
@ApplicationScoped
@Named("batchFailureHandler")
public class BatchFailureHandler {

    /** The code of a batch that the repository recovered too many times without success. */
    public static final String RECOVERY_EXHAUSTED = "RECOVERY_EXHAUSTED";

    private static final Logger LOG = Logger.getLogger(BatchFailureHandler.class);

    private final FaultClassifier classifier = new FaultClassifier();
    private final Clock clock;
    private final MarketoTarget target;
    private final int maxAttempts;

    public BatchFailureHandler(Clock clock, MarketoTarget target, SyncConfig config) {
        this.clock = clock;
        this.target = target;
        this.maxAttempts = config.retry().maxAttempts();
    }

    @Handler
    public List<RecordOutcome> fail(@ExchangeProperty(Headers.BATCH) Batch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error,
            @ExchangeProperty(Headers.ATTEMPTS) Integer attemptsMade, CamelContext camel) throws Throwable {
        MarketoFault fault = classifier.classify(error);
        int attempts = attemptsMade == null ? 1 : attemptsMade;
        if (fault.stage() == Stage.TRANSPORT && (camel.isStopping() || camel.isStopped())) {
            LOG.warnf("batch %s (%d records) not sent while shutting down (%s): kept for the next start",
                    batch.batchId(), batch.size(), fault.code());
            throw error;
        }
        String message = FaultWording.message(fault, target.host());
        LOG.warnf("call to %s failed (attempt %d/%d, %s): not retried, %d %s %s records dead-lettered (batch %s): %s",
                target.host(), attempts, maxAttempts, fault.code(), batch.size(), batch.operation(), batch.type(),
                batch.batchId(), message);
        LOG.debugf(error, "the last attempt of batch %s failed", batch.batchId());
        return BatchFailures.allFailed(batch, new Failure(fault.stage(), "FAULT", fault.code(), message,
                batch.batchId(), attempts, clock.instant()));
    }

    public List<RecordOutcome> recoveryExhausted(Chunk chunk, @Header(Exchange.REDELIVERY_COUNTER) Integer recoveries,
            Exchange exchange) {
        int attempts = recoveries == null ? 1 : recoveries + 1;
        String chunkId = exchange.getExchangeId();
        LOG.errorf("chunk %s (%d records) could not be sent after %d attempts: dead-lettered", chunkId, chunk.size(),
                attempts);
        return BatchFailures.allFailed(chunk.records(), new Failure(Stage.TRANSPORT, "FAULT", RECOVERY_EXHAUSTED,
                "the records were recovered " + attempts + " times and never confirmed as sent", chunkId, attempts,
                clock.instant()));
    }
}
