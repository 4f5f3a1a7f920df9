package dev.mobjectsync.batch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.dao.DataIntegrityViolationException;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which instance sends a completed batch: the one that claimed it (by exchange id) when completing it,
 * or, once that instance stopped renewing its claim (it died), the one whose recovery claims it next.
 * So a replica's recovery never sends again a batch that a live replica is still sending.
 */
@ApplicationScoped
public class BatchClaims {

    private final JdbcOrphanLockAwareIdempotentRepository locks;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Inject
    public BatchClaims(DataSource dataSource, CamelContext camel, SyncConfig config) {
        this(LockRepositories.open(LockRepositories.BATCHES, dataSource, camel, config.repository()));
    }

    BatchClaims(JdbcOrphanLockAwareIdempotentRepository locks) {
        this.locks = locks;
    }

    /** Takes the batch for this instance; false when an instance (this one included) already holds it. */
    public boolean claim(String exchangeId) {
        try {
            if (locks.add(exchangeId)) {
                held.add(exchangeId);
                return true;
            }
        } catch (DataIntegrityViolationException claimedAtTheSameMoment) {
            // another instance inserted the same claim first
        }
        return false;
    }

    /** Whether this instance holds the claim (a batch of its own whose sending failed, to be recovered). */
    public boolean holds(String exchangeId) {
        return held.contains(exchangeId);
    }

    public void release(String exchangeId) {
        held.remove(exchangeId);
        locks.remove(exchangeId);
    }
}
