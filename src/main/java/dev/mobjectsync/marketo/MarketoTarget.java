package dev.mobjectsync.marketo;

import java.net.URI;
import java.util.Locale;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where calls go, as an operator names it: the gateway ({@code SOAP} or {@code REST}), its endpoint (the SOAP
 * endpoint or the REST base URL, without user info, query or fragment) and its {@code host:port}. For log
 * lines, dead letters and the status page; it never holds a credential.
 */
@ApplicationScoped
public class MarketoTarget {

    private final String gateway;
    private final URI endpoint;

    @Inject
    public MarketoTarget(SyncConfig config) {
        this(config.marketo().api(), "rest".equals(config.marketo().api()) ? config.marketo().rest().baseUrl()
                : config.marketo().endpoint());
    }

    public MarketoTarget(String api, String endpoint) {
        this.gateway = api.toUpperCase(Locale.ROOT);
        URI uri = URI.create(endpoint);
        this.endpoint = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort()
                : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    public String gateway() {
        return gateway;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String host() {
        return endpoint.getHost() + ":" + port();
    }

    public int port() {
        return endpoint.getPort() > 0 ? endpoint.getPort() : ("https".equals(endpoint.getScheme()) ? 443 : 80);
    }
}
