package dev.mobjectsync.simulator;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * In front of the simulator's SOAP endpoint and its REST write calls: answers a call over bare HTTP when the
 * {@link FaultInjector} says so (an outage's or an injected HTTP 503, a broken answer), before the SOAP
 * stack sees it. Also serves the entity probe that a broken answer's DTD points at, and counts every
 * fetch: a client that resolves external entities would show up there.
 */
@ApplicationScoped
public class HttpFaultFilter {

    static final String PROBE_PATH = "/simulator/entity-probe";

    void install(@Observes Router router, FaultInjector faults, SimulatorConfig config) {
        if (!config.active()) {
            return;
        }
        for (String calls : new String[]{"/soap/mktows/*", "/rest/*"}) {
            router.route(calls).order(-10).handler(context -> {
                if (context.request().method() != HttpMethod.POST) {
                    context.next();
                    return;
                }
                faults.httpAnswer().ifPresentOrElse(answer -> {
                    String probe = "http://127.0.0.1:" + context.request().localAddress().port() + PROBE_PATH;
                    context.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType())
                            .end(answer.body().replace(HttpAnswer.PROBE, probe));
                }, context::next);
            });
        }
        router.route(PROBE_PATH).handler(context -> {
            faults.entityFetched();
            context.response().putHeader("Content-Type", "text/plain").end("entity-probe-content");
        });
    }
}
