package dev.mobjectsync.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator's own Jackson mapper (thread-safe once configured); it shares none with the pipeline. */
final class SimulatorJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatorJson() {
    }
}
