package dev.mobjectsync.batch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.Handler;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.processor.aggregate.DefaultAggregateController;
import org.apache.camel.spi.OptimisticLockingAggregationRepository.OptimisticLockingException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Batches left open in the repository by an instance that stopped or crashed: the repository keeps
 * them, but their completion timeout lived in that instance. Those found at start-up are sent right
 * after the start; and since a replica may die while others run on, every
 * {@code repository.takeover-after} the open batches that did not change since the previous look are
 * sent too. Another instance may still be adding to such a batch: the repository then refuses the
 * completion (optimistic locking) and the batch stays with that instance.
 */
@ApplicationScoped
@Named("storedBatches")
public class StoredBatches {

    private static final Logger LOG = Logger.getLogger(StoredBatches.class);

    private final DefaultAggregateController controller = new DefaultAggregateController();
    private final IdleBatches idle = new IdleBatches();
    private final Set<String> keysAtStart;
    private final DataSource dataSource;

    @Inject
    public StoredBatches(@Named("batchKeysAtStart") Set<String> keysAtStart, DataSource dataSource) {
        this.keysAtStart = keysAtStart;
        this.dataSource = dataSource;
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
        return complete(keysAtStart, "found in the repository at start-up");
    }

    public int completeIdleBatches() throws SQLException {
        return complete(idle.unchangedSinceLastLook(openVersions()), "left untouched since the last look");
    }

    private int complete(Collection<String> keys, String which) {
        int completed = 0;
        for (String key : keys) {
            try {
                completed += controller.forceCompletionOfGroup(key);
            } catch (OptimisticLockingException changedMeanwhile) {
                LOG.debugf("batch %s changed meanwhile: left to the instance that changed it", key);
            }
        }
        if (completed > 0) {
            LOG.infof("sent %d batch(es) %s", completed, which);
        }
        return completed;
    }

    private Map<String, Long> openVersions() throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, version FROM " + BatchRepositoryProducer.TABLE)) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return versions;
    }
}
