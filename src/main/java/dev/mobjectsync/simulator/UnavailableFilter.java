package dev.mobjectsync.simulator;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bare HTTP 503 in front of the simulator's SOAP endpoint, as a load balancer answers during an
 * outage: no SOAP envelope, so the client cannot find a Marketo fault code in it.
 */
@ApplicationScoped
public class UnavailableFilter {

    void install(@Observes Router router, FaultInjector faults) {
        router.route("/soap/mktows/*").order(-10).handler(context -> {
            if (context.request().method() == HttpMethod.POST && faults.httpUnavailable()) {
                context.response().setStatusCode(503).putHeader("Content-Type", "text/html")
                        .end("<html><body>503 Service Unavailable</body></html>");
            } else {
                context.next();
            }
        });
    }
}
