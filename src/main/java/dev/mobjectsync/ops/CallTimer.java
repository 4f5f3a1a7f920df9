package dev.mobjectsync.ops;

import java.time.Duration;

import org.apache.camel.Exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Times one call to Marketo for the metrics: {@link #start} right before the request, then either
 * {@link #answered} after a good answer or, in the attempt's finally block, {@link #unanswered} (a fault,
 * a transport error, a broken answer). Whichever comes first records the call; the other does nothing.
 */
@ApplicationScoped
@Named("callTimer")
public class CallTimer {

    static final String STARTED = "MobjectSyncCallStarted";

    private final SyncMetrics metrics;
    private final CallHistory history;

    public CallTimer(SyncMetrics metrics, CallHistory history) {
        this.metrics = metrics;
        this.history = history;
    }

    public void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    public void answered(Exchange exchange) {
        end(exchange, true);
    }

    public void unanswered(Exchange exchange) {
        end(exchange, false);
    }

    private void end(Exchange exchange, boolean answered) {
        Object started = exchange.removeProperty(STARTED);
        if (started instanceof Long nanos) {
            metrics.callEnded(Duration.ofNanos(System.nanoTime() - nanos), answered);
            history.callEnded(answered);
        }
    }
}
