package dev.mobjectsync.batch;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Locks that replicas sharing the repository hold in its database: Camel's
 * {@link JdbcOrphanLockAwareIdempotentRepository} (made exclusive by {@link ExclusiveLocks}), whose keep-alive renews every lock this instance
 * holds each {@code repository.heartbeat-interval}; a lock not renewed for
 * {@code repository.takeover-after} belongs to a dead instance and is taken over. One table, one
 * processor name per use: the inbox's files ({@code inboxLocks}, the file consumer's read lock) and
 * the batches being sent ({@link BatchClaims}).
 */
@ApplicationScoped
public class LockRepositories {

    static final String TABLE = "mobject_sync_locks";
    static final String INBOX = "mobject-sync.inbox";
    static final String BATCHES = "mobject-sync.batches";

    @Produces
    @Singleton
    @Named("inboxLocks")
    JdbcOrphanLockAwareIdempotentRepository inboxLocks(DataSource dataSource, CamelContext camel, SyncConfig config) {
        return open(INBOX, dataSource, camel, config.repository());
    }

    static JdbcOrphanLockAwareIdempotentRepository open(String processorName, DataSource dataSource, CamelContext camel,
            SyncConfig.Repository config) {
        long maxAge = config.takeoverAfter().toMillis();
        long keepAlive = config.heartbeatInterval().toMillis();
        if (keepAlive <= 0 || keepAlive >= maxAge) {
            throw new IllegalArgumentException("mobject-sync.repository.heartbeat-interval (" + config
                    .heartbeatInterval()
                    + ") must be positive and shorter than mobject-sync.repository.takeover-after (" + config
                            .takeoverAfter() + ")");
        }
        JdbcOrphanLockAwareIdempotentRepository locks = new ExclusiveLocks(dataSource, processorName, camel,
                "postgres".equals(config.kind()));
        locks.setTableName(TABLE);
        locks.setCreateTableIfNotExists(false);
        locks.setLockMaxAgeMillis(maxAge);
        locks.setLockKeepAliveIntervalMillis(keepAlive);
        try {
            camel.addService(locks, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the lock repository " + processorName + ": " + e.getMessage(),
                    e);
        }
        return locks;
    }
}
