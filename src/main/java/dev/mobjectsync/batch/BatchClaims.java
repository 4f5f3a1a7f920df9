package dev.mobjectsync.batch;

import java.time.Duration;
import java.util.Map;
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
    /** Exchange id → when this instance claimed it (System.nanoTime). */
    private final Map<String, Long> held = new ConcurrentHashMap<>();

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
                held.put(exchangeId, System.nanoTime());
                return true;
            }
        } catch (DataIntegrityViolationException claimedAtTheSameMoment) {
            // another instance inserted the same claim first
        }
        return false;
    }

    /** Whether this instance holds the claim (a batch of its own whose sending failed, to be recovered). */
    public boolean holds(String exchangeId) {
        return held.containsKey(exchangeId);
    }

    /** Whether this instance has held the claim for longer than {@code age}. */
    public boolean heldLongerThan(String exchangeId, Duration age) {
        Long since = held.get(exchangeId);
        return since != null && System.nanoTime() - since > age.toNanos();
    }

    public void release(String exchangeId) {
        held.remove(exchangeId);
        locks.remove(exchangeId);
    }
}
