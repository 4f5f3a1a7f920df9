package dev.mobjectsync.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Derives {@code mobject-sync.simulator.active} ({@code true}/{@code false}) from
 * {@code mobject-sync.simulator.enabled} and the Marketo endpoints ({@link SimulatorMode}); the simulator's
 * route, endpoints and filters follow it. Read at every start from all other sources (environment and
 * profiles included); an illegal combination stops the start with {@link SimulatorMode}'s message. The derived
 * key is above every other source: it cannot be set by hand. Registered in META-INF/services.
 */
public class SimulatorSwitch implements ConfigSourceFactory {

    private static final int ORDINAL = Integer.MAX_VALUE - 1;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean active = SimulatorMode.active(key -> value(context, key), ownPort(context));
        return List.of(new PropertiesConfigSource(Map.of(SimulatorMode.ACTIVE, String.valueOf(active)),
                "mobject-sync simulator switch", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** Quarkus serves tests on {@code quarkus.http.test-port}, everything else on {@code quarkus.http.port}. */
    private static int ownPort(ConfigSourceContext context) {
        boolean test = context.getProfiles().contains("test");
        String port = value(context, test ? "quarkus.http.test-port" : "quarkus.http.port");
        try {
            return port == null ? (test ? 8081 : 8080) : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
