package dev.mobjectsync.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The simulator's mapping over the packaged application.properties (Quarkus's duration format), without Quarkus. */
final class PackagedSimulatorConfig {

    private PackagedSimulatorConfig() {
    }

    /** With these values above the packaged ones; {@code mobject-sync.simulator.active} must be among them. */
    static SimulatorConfig with(Map<String, String> values) {
        URL packaged = PackagedSimulatorConfig.class.getResource("/application.properties");
        try {
            return new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(packaged, 100))
                    .withSources(new PropertiesConfigSource(values, "test values", 200))
                    .withDefaultValue("quarkus.http.port", "8080")
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(SimulatorConfig.class)
                    .withValidateUnknown(false)
                    .build().getConfigMapping(SimulatorConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
