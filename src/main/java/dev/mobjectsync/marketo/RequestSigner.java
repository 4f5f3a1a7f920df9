package dev.mobjectsync.marketo;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.marketo.mktows.AuthenticationHeaderInfo;

import dev.mobjectsync.Headers;
import dev.mobjectsync.config.Secret;
import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Builds a freshly signed {@code AuthenticationHeader} for every call and turns the body into the CXF
 * parameter list {@code [params, header]}. Also the on-redelivery processor of a retried call: the
 * retry replaces the old header with a new one, so no retry carries a stale signature (20016).
 */
@ApplicationScoped
@Named("requestSigner")
public class RequestSigner implements Processor {

    private final String userId;
    private final Secret secretKey;
    private final Clock clock;

    @Inject
    public RequestSigner(SyncConfig config, Clock clock) {
        this(config.marketo().userId(), config.marketo().secretKey(), clock);
    }

    public RequestSigner(String userId, Secret secretKey, Clock clock) {
        this.userId = userId;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        Object params = body instanceof List<?> parts && !parts.isEmpty() ? parts.get(0) : body;
        exchange.getMessage().setBody(List.of(params, header()));
        exchange.setProperty(Headers.ATTEMPTS, exchange.getProperty(Headers.ATTEMPTS, 0, Integer.class) + 1);
    }

    public AuthenticationHeaderInfo header() {
        String timestamp = MarketoSignature.timestamp(ZonedDateTime.now(clock));
        AuthenticationHeaderInfo header = new AuthenticationHeaderInfo();
        header.setMktowsUserId(userId);
        header.setRequestTimestamp(timestamp);
        header.setRequestSignature(MarketoSignature.sign(timestamp, userId, secretKey.bytes()));
        return header;
    }
}
