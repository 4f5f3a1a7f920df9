package dev.mobjectsync.batch;

import java.sql.Timestamp;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.dao.DuplicateKeyException;

/**
 * Camel's orphan-lock-aware repository, with its take-over made exclusive. Camel's own takes over any
 * lock row it finds once its age check (a statement earlier) said there was none fresh: when two
 * instances want the same key at the same moment, the one that checks first and finds the other's
 * brand-new row takes it over too, and both hold it. Here a lock row is only removed while it is still
 * stale, and a key someone else holds fails the attempt; on PostgreSQL attempts on one key are also
 * serialized for the length of the transaction, so the check and the insert see the same state.
 */
public class ExclusiveLocks extends JdbcOrphanLockAwareIdempotentRepository {

    private final boolean postgres;

    public ExclusiveLocks(DataSource dataSource, String processorName, CamelContext camel, boolean postgres) {
        super(dataSource, processorName, camel);
        this.postgres = postgres;
    }

    @Override
    protected int insert(String key) {
        if (postgres) {
            jdbcTemplate.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", processorName + "|" + key);
        }
        Timestamp stale = new Timestamp(System.currentTimeMillis() - getLockMaxAgeMillis());
        jdbcTemplate.update("DELETE FROM " + getTableName()
                + " WHERE processorName = ? AND messageId = ? AND createdAt < ?",
                processorName, key, stale);
        if (jdbcTemplate.queryForObject(getQueryString(), Integer.class, processorName, key) != 0) {
            throw new DuplicateKeyException("lock " + key + " is held by another instance");
        }
        return super.insert(key);
    }
}
