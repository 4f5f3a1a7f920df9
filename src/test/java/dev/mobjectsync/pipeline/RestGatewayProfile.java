package dev.mobjectsync.pipeline;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application on the REST gateway: mobject-sync.marketo.api=rest and nothing else that matters to
 * the gateway suite. For the REST tests: tokens live 30 s (renewed after 15 s, so several times in a
 * test run), Marketo's rate limit scaled to 100 calls per 5 s, short backoffs, a quota probe every
 * second, and a seed with 400 more Programs (one REST call each).
 */
public class RestGatewayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mobject-sync.marketo.api", "rest",
                "mobject-sync.simulator.rest.token-ttl", "30s",
                "mobject-sync.limits.quota-probe-interval", "1s",
                "mobject-sync.limits.calls-per-window", "100",
                "mobject-sync.limits.window", "5s",
                "mobject-sync.retry.initial-backoff", "200",
                "mobject-sync.retry.max-backoff", "1000",
                "mobject-sync.retry.max-attempts", "12",
                "mobject-sync.simulator.seed-file", "src/test/resources/simulator/seed-many-programs.json");
    }
}
