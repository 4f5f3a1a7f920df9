package dev.mobjectsync.marketo;

import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.outcome.Stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Which failed calls are tried again: decided by Marketo's fault code, never by the HTTP status alone
 * (MARKETO.md §3). Transport errors and HTTP 5xx without a Marketo fault are retried; so are 20016
 * (request expired: the retry carries a new signature), 20023 and 20024 (rate and concurrency limits),
 * 10001 and 20011 (internal errors). Everything else (20014 authentication, 20013 access denied,
 * 20017, 20110, ...) is final.
 */
@ApplicationScoped
@Named("retryPolicy")
public class RetryPolicy {

    static final Set<String> RETRYABLE_MARKETO_CODES = Set.of("20016", "20023", "20024", "10001", "20011");
    static final Set<String> RETRYABLE_TRANSPORT_CODES = Set.of("CONNECTION_REFUSED", "TIMEOUT", "CALL_FAILED");

    private final FaultClassifier classifier = new FaultClassifier();
    private final int maxAttempts;

    @Inject
    public RetryPolicy(SyncConfig config) {
        this(config.retry().maxAttempts());
    }

    public RetryPolicy(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Camel's retryWhile: {@code attempts} is how many calls were made (signed) so far. */
    public boolean shouldRetry(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure,
            @ExchangeProperty(Headers.ATTEMPTS) Integer attempts) {
        int attemptsMade = attempts == null ? 1 : attempts;
        return attemptsMade < maxAttempts && failure != null && isRetryable(classifier.classify(failure));
    }

    public static boolean isRetryable(MarketoFault fault) {
        if (fault.stage() == Stage.MARKETO) {
            return RETRYABLE_MARKETO_CODES.contains(fault.code());
        }
        return RETRYABLE_TRANSPORT_CODES.contains(fault.code()) || fault.code().startsWith("HTTP_5");
    }
}
