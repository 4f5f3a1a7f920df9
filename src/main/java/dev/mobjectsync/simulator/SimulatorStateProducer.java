package dev.mobjectsync.simulator;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one simulated Marketo instance, shared by the SOAP and the REST side of the simulator. */
@ApplicationScoped
public class SimulatorStateProducer {

    @Produces
    @Singleton
    SimulatorState state(SyncConfig config) {
        SimulatorState state = new SimulatorState(Seed.load(config.simulator().seedFile().orElse(null)));
        state.duplicateConcurrentUpserts(config.simulator().faults().duplicateConcurrentUpserts());
        return state;
    }
}
