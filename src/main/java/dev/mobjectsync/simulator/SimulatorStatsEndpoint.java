package dev.mobjectsync.simulator;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mobjectsync.config.SyncConfig;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /simulator/calls}: the simulator's call log summed up as JSON (syncMObjects calls, objects
 * answered, faults by code), for benchmarks and demos that run the simulator in another process.
 */
@ApplicationScoped
public class SimulatorStatsEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router, CallLog callLog, FaultInjector faults, SyncConfig config) {
        if (!config.simulator().enabled()) {
            return;
        }
        router.route(HttpMethod.GET, "/simulator/calls").handler(context -> {
            try {
                CallLog.Summary summary = callLog.summary();
                String body = JSON.writeValueAsString(Map.of("syncCalls", summary.syncCalls(),
                        "answeredCalls", summary.answeredCalls(), "objects", summary.objects(),
                        "faults", summary.faults(), "unavailableAnswers", faults.unavailableAnswers(),
                        "brokenAnswers", faults.brokenAnswers()));
                context.response().putHeader("Content-Type", "application/json").end(body);
            } catch (JsonProcessingException e) {
                context.fail(e);
            }
        });
    }
}
