package dev.mobjectsync.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.mobjectsync.marketo.MarketoTarget;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Can Marketo be reached? Served at {@code /q/health/well}, apart from liveness and readiness: Marketo
 * being away does not make the instance unhealthy (batches wait in the repository and are retried), so
 * it must not get the instance restarted or taken out of service. The endpoint is the gateway's: the SOAP
 * endpoint, or the REST base URL. DOWN when its host does not accept a
 * TCP connection or the latest {@link #UNANSWERED_LIMIT} calls in a row went unanswered. Makes no call
 * (it would spend quota); the host and port are taken from the endpoint, never its credentials.
 */
@Wellness
@ApplicationScoped
public class MarketoWellness implements HealthCheck {

    static final String NAME = "Marketo endpoint";
    static final int UNANSWERED_LIMIT = 3;
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final MarketoTarget target;
    private final CallHistory history;

    @Inject
    public MarketoWellness(MarketoTarget target, CallHistory history) {
        this.target = target;
        this.history = history;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("host", target.host());
        boolean reachable = connects(target.endpoint().getHost(), target.port());
        response.withData("reachable", reachable);
        CallHistory.Latest latest = history.latest();
        boolean answering = true;
        if (latest != null) {
            response.withData("latestCallAt", latest.endedAt().toString())
                    .withData("latestCallAnswered", latest.answered())
                    .withData("unansweredInARow", latest.unansweredInARow());
            answering = latest.unansweredInARow() < UNANSWERED_LIMIT;
        }
        return response.status(reachable && answering).build();
    }

    private static boolean connects(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
