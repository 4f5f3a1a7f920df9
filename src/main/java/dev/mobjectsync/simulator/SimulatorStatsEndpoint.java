package dev.mobjectsync.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /simulator/calls}: the simulator's call log summed up as JSON (syncMObjects calls, objects
 * answered, faults by code, write calls that overlapped another call in flight on one of their objects,
 * Opportunity external keys that more than one Opportunity holds), for benchmarks and demos that run the
 * simulator in another process.
 */
@ApplicationScoped
public class SimulatorStatsEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router, CallLog callLog, FaultInjector faults, SimulatorState state,
            SimulatorConfig config) {
        if (!config.active()) {
            return;
        }
        router.route(HttpMethod.GET, "/simulator/calls").handler(context -> {
            try {
                CallLog.Summary summary = callLog.summary();
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("syncCalls", summary.syncCalls());
                stats.put("answeredCalls", summary.answeredCalls());
                stats.put("objects", summary.objects());
                stats.put("faults", summary.faults());
                stats.put("unavailableAnswers", faults.unavailableAnswers());
                stats.put("brokenAnswers", faults.brokenAnswers());
                stats.put("overlapping", summary.overlapping());
                stats.put("duplicateObjects", state.duplicateExternalKeys());
                String body = JSON.writeValueAsString(stats);
                context.response().putHeader("Content-Type", "application/json").end(body);
            } catch (JsonProcessingException e) {
                context.fail(e);
            }
        });
    }
}
