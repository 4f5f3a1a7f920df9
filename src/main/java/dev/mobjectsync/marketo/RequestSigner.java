package dev.mobjectsync.marketo;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.marketo.mktows.AuthenticationHeaderInfo;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Builds a freshly signed {@code AuthenticationHeader} for every call (and so for every retry) and
 * turns the body into the CXF parameter list {@code [params, header]}.
 */
@ApplicationScoped
@Named("requestSigner")
public class RequestSigner implements Processor {

    private final SyncConfig.Marketo marketo;
    private final Clock clock;

    public RequestSigner(SyncConfig config, Clock clock) {
        this.marketo = config.marketo();
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
        header.setMktowsUserId(marketo.userId());
        header.setRequestTimestamp(timestamp);
        header.setRequestSignature(MarketoSignature.sign(timestamp, marketo.userId(), marketo.secretKey().bytes()));
        return header;
    }
}
