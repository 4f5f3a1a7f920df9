package dev.mobjectsync.marketo;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.marketo.mktows.AuthenticationHeaderInfo;

import dev.mobjectsync.config.Secret;
import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Builds a freshly signed {@code AuthenticationHeader} for every call (and so for every retry) and
 * turns the body into the CXF parameter list {@code [params, header]}.
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
        Object params = exchange.getMessage().getBody();
        exchange.getMessage().setBody(List.of(params, header()));
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
