package dev.mobjectsync.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /api/status}: the {@link StatusReport} as JSON, read by the status page at {@code /}
 * ({@code META-INF/resources/index.html}) and by anyone's scripts.
 */
@ApplicationScoped
public class StatusEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    void install(@Observes Router router, StatusReport report) {
        router.route(HttpMethod.GET, "/api/status").blockingHandler(context -> {
            try {
                context.response().putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store").end(JSON.writeValueAsString(report.now()));
            } catch (JsonProcessingException e) {
                context.fail(e);
            }
        });
    }
}
