package dev.mobjectsync.marketo;

import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

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
 */
@ApplicationScoped
@Named("retryPolicy")
public class RetryPolicy {

    static final Set<String> RETRYABLE_MARKETO_CODES = Set.of("20016", "20023", "20024", "10001", "20011",
            "502", "604", "606", "608", "615", "713");
    static final Set<String> RETRYABLE_TRANSPORT_CODES = Set.of("CONNECTION_REFUSED", "TIMEOUT", "CALL_FAILED",
            FaultClassifier.INVALID_RESPONSE);
    static final Set<String> QUOTA_SPENT = Set.of("20015", "607");

    private final FaultClassifier classifier = new FaultClassifier();
    private final int maxAttempts;
    private final CallPacer pacer;
    private final SyncMetrics metrics;

    @Inject
    public RetryPolicy(SyncConfig config, CallPacer pacer, SyncMetrics metrics) {
        this(config.retry().maxAttempts(), pacer, metrics);
    }

    public RetryPolicy(int maxAttempts, CallPacer pacer, SyncMetrics metrics) {
        this.maxAttempts = maxAttempts;
        this.pacer = pacer;
        this.metrics = metrics;
    }

    /** Camel's retryWhile: {@code attempts} is how many calls were made (signed) so far. */
    public boolean shouldRetry(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure,
            @ExchangeProperty(Headers.ATTEMPTS) Integer attempts) {
        if (failure == null) {
            return false;
        }
        MarketoFault fault = classifier.classify(failure);
        if (fault.stage() == Stage.MARKETO && QUOTA_SPENT.contains(fault.code())) {
            pacer.holdUntilQuotaResets();
            metrics.retried(fault.code());
            return true;
        }
        int attemptsMade = attempts == null ? 1 : attempts;
        boolean retry = attemptsMade < maxAttempts && isRetryable(fault);
        if (retry) {
            metrics.retried(fault.code());
        }
        return retry;
    }

    public static boolean isRetryable(MarketoFault fault) {
        if (fault.stage() == Stage.MARKETO) {
            return RETRYABLE_MARKETO_CODES.contains(fault.code());
        }
        return RETRYABLE_TRANSPORT_CODES.contains(fault.code()) || fault.code().startsWith("HTTP_5");
    }
}
