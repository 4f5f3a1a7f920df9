package dev.mobjectsync.simulator;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Says at start-up, as a warning, that the simulator answers every call and nothing reaches Marketo. */
@ApplicationScoped
public class SimulatorAnnouncement {

    static final String WARNING = "Marketo simulator: nothing is sent to Marketo; the simulator in this application "
            + "answers every call (mobject-sync.simulator.enabled=%s). To send to Marketo, set "
            + "mobject-sync.marketo.endpoint (SOAP) or mobject-sync.marketo.rest.identity-url and "
            + "mobject-sync.marketo.rest.base-url (REST, with mobject-sync.marketo.api=rest) and your own credentials";

    private static final Logger LOG = Logger.getLogger(SimulatorAnnouncement.class);

    void announce(@Observes StartupEvent start, SimulatorConfig config) {
        if (config.active()) {
            LOG.warnf(WARNING, config.enabled());
        }
    }
}
