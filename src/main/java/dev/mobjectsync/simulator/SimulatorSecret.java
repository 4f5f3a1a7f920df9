package dev.mobjectsync.simulator;

import java.nio.charset.StandardCharsets;

/** A key or client secret the simulator checks with; it never prints itself (no log line or message shows it). */
public final class SimulatorSecret {

    private final String value;

    private SimulatorSecret(String value) {
        this.value = value;
    }

    /** SmallRye Config converts configuration values through this. */
    public static SimulatorSecret of(String value) {
        return new SimulatorSecret(value);
    }

    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "*****";
    }
}
