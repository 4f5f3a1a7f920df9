package dev.mobjectsync.marketo;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

import dev.mobjectsync.Headers;
import dev.mobjectsync.model.Batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A batch refused as a whole for its content ({@link FaultKind#CONTENT}: SOAP 20017, 20109, 20110, or an
 * answer that cannot be correlated) may hold one bad record among good ones. (The REST gateway also splits a batch this way
 * when it cannot go in one call: several Programs stored before a switch from SOAP.) Instead of dead-lettering them all, the
 * gateway sends the two halves again, each on its own, down to single records: a lone bad record
 * costs at most about 2·log2(batch size) extra calls, and the good ones still go through.
 */
@ApplicationScoped
@Named("poisonIsolation")
public class PoisonIsolation {

    private static final Logger LOG = Logger.getLogger(PoisonIsolation.class);

    private final FaultClassifier classifier = new FaultClassifier();

    /** True when the batch failed for its content and still holds more than one record to tell apart. */
    public boolean splits(@ExchangeProperty(Headers.BATCH) Batch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) {
        return batch.size() > 1 && error != null && classifier.classify(error).kind() == FaultKind.CONTENT;
    }

    /** The batch's two halves, each sent through the gateway again. */
    public List<Batch> halves(@ExchangeProperty(Headers.BATCH) Batch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) {
        List<Batch> halves = batch.halves();
        LOG.infof("batch %s (%d %s %s) refused as a whole (%s): sending it again as %s (%d) and %s (%d)",
                batch.batchId(), batch.size(), batch.operation(), batch.type(), classifier.classify(error).code(),
                halves.get(0).batchId(), halves.get(0).size(), halves.get(1).batchId(), halves.get(1).size());
        return halves;
    }
}
