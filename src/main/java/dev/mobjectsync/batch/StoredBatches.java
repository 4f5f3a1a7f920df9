package dev.mobjectsync.batch;

import java.util.Set;

import org.apache.camel.Handler;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.processor.aggregate.DefaultAggregateController;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Batches that were open in the repository when the application stopped or crashed: the repository
 * keeps them, but their completion timeout does not survive the restart. They are sent right after
 * the start instead; batches opened since are left alone.
 */
@ApplicationScoped
@Named("storedBatches")
public class StoredBatches {

    private static final Logger LOG = Logger.getLogger(StoredBatches.class);

    private final DefaultAggregateController controller = new DefaultAggregateController();
    private final Set<String> keysAtStart;

    public StoredBatches(@Named("batchKeysAtStart") Set<String> keysAtStart) {
        this.keysAtStart = keysAtStart;
    }

    /** The aggregator's controller, so that single groups can be completed from outside. */
    @Produces
    @Singleton
    @Named("batchController")
    AggregateController controller() {
        return controller;
    }

    @Handler
    public int completeStoredBatches() {
        int completed = 0;
        for (String key : keysAtStart) {
            completed += controller.forceCompletionOfGroup(key);
        }
        if (completed > 0) {
            LOG.infof("sent %d batch(es) found in the repository at start-up", completed);
        }
        return completed;
    }
}
