package dev.mobjectsync.marketo;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.model.SyncCounters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Which failed calls are tried again: decided by the fault's {@link FaultKind}, which the gateway that
 * made the call reads from Marketo's fault code, never from the HTTP status alone ({@link SoapGateway},
 * {@code RestGateway}, {@link FaultClassifier} for transport errors). Retryable faults are tried again up
 * to {@code max-attempts}; a spent daily quota (SOAP 20015, REST 607) is retried without counting
 * against {@code max-attempts}: the {@link CallPacer} holds every call until the quota resets.
 * Everything else is final.
 * <p>
 * It also sets the wait before the next attempt (Camel's {@code CamelRedeliveryDelay}: doubling from
 * {@code retry.initial-backoff} up to {@code retry.max-backoff}, ±25 % jitter) and says so in one log line
 * per failed attempt, {@code call to <host> failed (attempt 3/8, CONNECTION_REFUSED): retry in 4 s}; the
 * exception's stack trace only at DEBUG.
 */
@ApplicationScoped
@Named("retryPolicy")
public class RetryPolicy {

    private static final double JITTER = 0.25;
    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    private final FaultClassifier classifier = new FaultClassifier();
    private final int maxAttempts;
    private final long initialBackoff;
    private final long maxBackoff;
    private final CallPacer pacer;
    private final SyncCounters metrics;
    private final MarketoTarget target;
    private final CallWaits waits;

    @Inject
    public RetryPolicy(SyncConfig config, CallPacer pacer, SyncCounters metrics, MarketoTarget target,
            CallWaits waits) {
        this.maxAttempts = config.retry().maxAttempts();
        this.initialBackoff = config.retry().initialBackoff();
        this.maxBackoff = config.retry().maxBackoff();
        this.pacer = pacer;
        this.metrics = metrics;
        this.target = target;
        this.waits = waits;
    }

    /** Camel's retryWhile: the exchange's {@link Headers#ATTEMPTS} is how many calls were made (signed) so far. */
    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            return false;
        }
        MarketoFault fault = classifier.classify(failure);
        int attemptsMade = exchange.getProperty(Headers.ATTEMPTS, 1, Integer.class);
        if (fault.kind() == FaultKind.QUOTA_SPENT) {
            pacer.holdUntilQuotaResets();
            metrics.retried(fault.code());
            LOG.warnf(
                    "call to %s failed (attempt %d, %s, Marketo's daily quota is spent): the call waits for the quota,"
                            + " without counting an attempt", target.host(), attemptsMade, fault.code());
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, 0L);
            return true;
        }
        boolean retry = attemptsMade < maxAttempts && isRetryable(fault);
        if (retry) {
            metrics.retried(fault.code());
            long delay = backoff(attemptsMade);
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
            waits.retrying(exchange, delay);
            LOG.warnf("call to %s failed (attempt %d/%d, %s): retry in %s", target.host(), attemptsMade, maxAttempts,
                    fault.code(), seconds(delay));
            LOG.debugf(failure, "attempt %d of the call to %s failed: %s", attemptsMade, target.host(), fault
                    .message());
        }
        return retry;
    }

    /** Milliseconds before attempt {@code attemptsMade + 1}: doubling, ±25 % jitter, at most max-backoff. */
    long backoff(int attemptsMade) {
        double base = initialBackoff * Math.pow(2, Math.min(attemptsMade - 1, 30));
        double jittered = base * (1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1));
        return Math.max(1, Math.min(maxBackoff, Math.round(jittered)));
    }

    private static String seconds(long millis) {
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : (millis / 1000) + " s";
    }

    public static boolean isRetryable(MarketoFault fault) {
        return fault.kind() == FaultKind.RETRYABLE;
    }
}
