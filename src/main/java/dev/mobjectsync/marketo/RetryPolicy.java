package dev.mobjectsync.marketo;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.ops.SyncMetrics;
import dev.mobjectsync.outcome.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Which failed calls are tried again: decided by Marketo's fault code, never by the HTTP status alone
 * (MARKETO.md §3). Transport errors and HTTP 5xx without a Marketo fault are retried; so are 20016
 * (request expired: the retry carries a new signature), 20023 and 20024 (rate and concurrency limits),
 * 10001 and 20011 (internal errors), and an answer that cannot be read ({@code INVALID_RESPONSE}); over
 * REST 606 and 615 (rate and concurrency limits), 502, 604, 608 and 713 (MARKETO-REST.md §5).
 * 20015 and REST's 607 (Marketo's daily quota spent) are retried without counting against
 * {@code max-attempts}: the {@link CallPacer} holds every call until the quota resets. Everything else
 * (20014 authentication, 20013 access denied, 20017, 20110, REST 601/602 once a new token was refused
 * too, 603, 609, 610, 611, ...) is final.
 * <p>
 * It also sets the wait before the next attempt (Camel's {@code CamelRedeliveryDelay}: doubling from
 * {@code retry.initial-backoff} up to {@code retry.max-backoff}, ±25 % jitter) and says so in one log line
 * per failed attempt, {@code call to <host> failed (attempt 3/8, CONNECTION_REFUSED): retry in 4 s}; the
 * exception's stack trace only at DEBUG.
 */
@ApplicationScoped
@Named("retryPolicy")
public class RetryPolicy {

    static final Set<String> RETRYABLE_MARKETO_CODES = Set.of("20016", "20023", "20024", "10001", "20011",
            "502", "604", "606", "608", "615", "713");
    static final Set<String> RETRYABLE_TRANSPORT_CODES = Set.of("CONNECTION_REFUSED", "TIMEOUT", "CALL_FAILED",
            FaultClassifier.INVALID_RESPONSE);
    static final Set<String> QUOTA_SPENT = Set.of("20015", "607");

    private static final double JITTER = 0.25;
    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    private final FaultClassifier classifier = new FaultClassifier();
    private final int maxAttempts;
    private final long initialBackoff;
    private final long maxBackoff;
    private final CallPacer pacer;
    private final SyncMetrics metrics;
    private final MarketoTarget target;
    private final CallWaits waits;

    @Inject
    public RetryPolicy(SyncConfig config, CallPacer pacer, SyncMetrics metrics, MarketoTarget target, CallWaits waits) {
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
        if (fault.stage() == Stage.MARKETO && QUOTA_SPENT.contains(fault.code())) {
            pacer.holdUntilQuotaResets();
            metrics.retried(fault.code());
            LOG.warnf("call to %s failed (attempt %d, %s, Marketo's daily quota is spent): the call waits for the quota,"
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
            LOG.debugf(failure, "attempt %d of the call to %s failed: %s", attemptsMade, target.host(), fault.message());
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
        if (fault.stage() == Stage.MARKETO) {
            return RETRYABLE_MARKETO_CODES.contains(fault.code());
        }
        return RETRYABLE_TRANSPORT_CODES.contains(fault.code()) || fault.code().startsWith("HTTP_5");
    }
}
