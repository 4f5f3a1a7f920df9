package dev.mobjectsync.ops;

import java.time.Duration;

import org.apache.camel.Exchange;

import dev.mobjectsync.marketo.CallWaits;
import dev.mobjectsync.marketo.FaultClassifier;
import dev.mobjectsync.marketo.MarketoFault;
import dev.mobjectsync.model.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Times one call to Marketo for the metrics: {@link #start} right before the request, then either
 * {@link #answered} after a good answer or, in the attempt's finally block, {@link #unanswered} (a fault,
 * a transport error, a broken answer). Whichever comes first records the call; the other does nothing. The
 * call's history tells a fault Marketo answered (it was reached) from a call that got no answer, and
 * {@link CallWaits} knows the call is on the wire meanwhile.
 */
@ApplicationScoped
@Named("callTimer")
public class CallTimer {

    static final String STARTED = "MobjectSyncCallStarted";

    private final SyncMetrics metrics;
    private final CallHistory history;
    private final CallWaits waits;
    private final FaultClassifier classifier = new FaultClassifier();

    public CallTimer(SyncMetrics metrics, CallHistory history, CallWaits waits) {
        this.metrics = metrics;
        this.history = history;
        this.waits = waits;
    }

    public void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
        // the wait before this attempt (RetryPolicy) is over: Camel's header must not travel with the call
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        waits.calling(exchange);
    }

    public void answered(Exchange exchange) {
        end(exchange, true);
    }

    public void unanswered(Exchange exchange) {
        end(exchange, false);
    }

    private void end(Exchange exchange, boolean answered) {
        Object started = exchange.removeProperty(STARTED);
        waits.ended(exchange);
        if (started instanceof Long nanos) {
            metrics.callEnded(Duration.ofNanos(System.nanoTime() - nanos), answered);
            Throwable failure = answered ? null : failure(exchange);
            MarketoFault fault = failure == null ? null : classifier.classify(failure);
            history.callEnded(answered || (fault != null && fault.stage() == Stage.MARKETO), fault);
        }
    }

    /** In the attempt's finally block Camel keeps the exception aside, as the caught exception. */
    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
