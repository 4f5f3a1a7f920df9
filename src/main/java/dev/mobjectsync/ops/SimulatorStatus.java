package dev.mobjectsync.ops;

import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the embedded Marketo simulator answers this application's calls, for the status page: its mode as
 * configured ({@code auto}, {@code true}, {@code false}) and whether it runs ({@code simulator.active}).
 */
@ApplicationScoped
public class SimulatorStatus {

    private final Map<String, Object> status;

    public SimulatorStatus(@ConfigProperty(name = "mobject-sync.simulator.enabled") String mode,
            @ConfigProperty(name = "mobject-sync.simulator.active") boolean active) {
        this.status = Map.of("active", active, "mode", mode.strip().toLowerCase(Locale.ROOT));
    }

    public Map<String, Object> now() {
        return status;
    }
}
