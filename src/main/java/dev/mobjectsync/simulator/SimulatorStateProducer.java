package dev.mobjectsync.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one simulated Marketo instance, shared by the SOAP and the REST side of the simulator. */
@ApplicationScoped
public class SimulatorStateProducer {

    @Produces
    @Singleton
    SimulatorState state(SimulatorConfig config) {
        SimulatorState state = new SimulatorState(Seed.load(config.seedFile().orElse(null)));
        state.duplicateConcurrentUpserts(config.faults().duplicateConcurrentUpserts());
        return state;
    }
}
