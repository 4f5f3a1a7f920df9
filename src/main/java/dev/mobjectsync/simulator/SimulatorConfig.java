package dev.mobjectsync.simulator;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Pattern;

/**
 * The simulator's {@code mobject-sync.simulator.*} keys, validated at start-up ({@code SettingsValidator}). Defaults live in
 * {@code src/main/resources/application.properties}; docs/configuration.md lists them. The credentials it
 * accepts default to the ones the application sends with, read as configuration keys, not through the
 * pipeline's code.
 */
@ConfigMapping(prefix = "mobject-sync.simulator")
public interface SimulatorConfig {

    /** {@code auto} (on while no Marketo endpoint is configured), {@code true} or {@code false}; any case. */
    @Pattern(regexp = "(?i)auto|true|false", message = "is '${validatedValue}'; must be auto, true or false")
    String enabled();

    /** Derived from {@link #enabled()} and the Marketo endpoints at every start; cannot be set by hand. */
    boolean active();

    @WithName("user-id")
    @WithDefault("${mobject-sync.marketo.user-id}")
    String userId();

    @WithName("secret-key")
    @WithDefault("${mobject-sync.marketo.secret-key}")
    SimulatorSecret secretKey();

    @WithName("seed-file")
    Optional<String> seedFile();

    @WithName("timestamp-tolerance")
    Duration timestampTolerance();

    Faults faults();

    /** The REST side of the simulator (identity, opportunities, roles, programs). */
    Rest rest();

    interface Rest {
        /** The REST client the simulator accepts; default: {@code mobject-sync.marketo.rest.client-id}. */
        @WithName("client-id")
        @WithDefault("${mobject-sync.marketo.rest.client-id}")
        String clientId();

        @WithName("client-secret")
        @WithDefault("${mobject-sync.marketo.rest.client-secret}")
        SimulatorSecret clientSecret();

        /** How long an access token lives (Marketo: 3600 s); tests shorten it to see tokens expire. */
        @WithName("token-ttl")
        Duration tokenTtl();
    }

    /** Faults the simulator injects (FaultInjector); all off by default. */
    interface Faults {
        Duration latency();

        @WithName("failure-rate")
        double failureRate();

        /** A Marketo fault code, 503 for a bare HTTP 503, or malformed, oversized, dtd for a broken answer. */
        @WithName("failure-code")
        String failureCode();

        /** Above this many calls at once: 20024. 0: no limit. */
        @WithName("max-concurrent")
        int maxConcurrent();

        /** More calls than this within {@link #window()}: 20023. 0: no limit. */
        @WithName("calls-per-window")
        int callsPerWindow();

        Duration window();

        /** More calls than this in all: 20015. 0: no quota. */
        @WithName("daily-quota")
        int dailyQuota();

        /** A call with an object holding this value (attribute or external key) is refused whole: 20110. */
        @WithName("poison-value")
        Optional<String> poisonValue();

        long seed();

        /**
         * Two concurrent UPSERTs of one new Opportunity external key may create two Opportunities, as in
         * Marketo (SimulatorState#duplicateConcurrentUpserts).
         */
        @WithName("duplicate-concurrent-upserts")
        boolean duplicateConcurrentUpserts();
    }
}
