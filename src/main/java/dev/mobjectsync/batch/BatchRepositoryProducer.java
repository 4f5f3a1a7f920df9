package dev.mobjectsync.batch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The persistent aggregation repository: Camel's {@link JdbcAggregationRepository} (as a
 * {@link SharedBatchRepository}) on H2 (a file under {@code ./data/state} by default, one instance) or
 * PostgreSQL (shared by replicas). Open batches survive a crash; a batch completed but not confirmed (the
 * process died while sending it) is recovered and sent again; after {@code max-recovery-attempts} its
 * records go to dead-letter.
 */
@ApplicationScoped
public class BatchRepositoryProducer {

    public static final String TABLE = "mobject_sync_batches";
    /** PostgreSQL connections beyond one per sending thread: sources, timeout checker, recovery, lock keep-alives. */
    static final int POOLED_BESIDES_SENDERS = 10;
    /** Classes a stored batch may contain; everything else is refused when reading it back. */
    static final String DESERIALIZATION_FILTER = "java.**;javax.**;org.apache.camel.**;dev.mobjectsync.**;!*";

    /**
     * Not closed by CDI: Camel's shutdown (which flushes open batches into this database) may run after
     * the beans are destroyed. The JVM's exit closes the connections.
     */
    @Produces
    @Singleton
    DataSource batchDataSource(SyncConfig config) {
        SyncConfig.Repository repository = config.repository();
        String user = repository.username().orElse("");
        String password = repository.password().map(p -> p.reveal()).orElse("");
        DataSource dataSource;
        if ("postgres".equals(repository.kind())) {
            PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
            postgres.setUrl(repository.url());
            postgres.setUser(user);
            postgres.setPassword(password);
            // pooled: a PostgreSQL connection costs a server process, far too much to open one per transaction
            JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
            pool.setMaxConnections(config.limits().maxConcurrentCalls() + POOLED_BESIDES_SENDERS);
            dataSource = pool;
        } else {
            dataSource = JdbcConnectionPool.create(repository.url(), user, password);
        }
        boolean shared = "postgres".equals(repository.kind());
        // H2: VARBINARY (up to 1 GB) is stored inline; a BLOB goes through H2's LOB storage, several times slower
        createTables(dataSource, shared ? "BYTEA" : "VARBINARY");
        if (!shared) {
            // an H2 file opens in one process only: every lock in it was left by this instance's previous run
            execute(dataSource, "DELETE FROM " + LockRepositories.TABLE);
        }
        return dataSource;
    }

    @Produces
    @Singleton
    @Named("batchRepository")
    JdbcAggregationRepository batchRepository(DataSource dataSource, SyncConfig config, BatchClaims claims,
            Checkpoints checkpoints, @Named("batchKeysAtStart") Set<String> keysAtStart) {
        JdbcAggregationRepository repository = new SharedBatchRepository(dataSource, TABLE, claims, checkpoints,
                config.repository().recoveryInterval());
        repository.setUseRecovery(true);
        repository.setMaximumRedeliveries(config.repository().maxRecoveryAttempts());
        repository.setDeadLetterUri("direct:recovery-exhausted");
        repository.setDeserializationFilter(DESERIALIZATION_FILTER);
        return repository;
    }

    /**
     * The correlation keys of the batches that were open when the application last stopped, read
     * before the repository is handed to the aggregator (it is a dependency of the repository).
     */
    @Produces
    @Singleton
    @Named("batchKeysAtStart")
    Set<String> batchKeysAtStart(DataSource dataSource) {
        Set<String> keys = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM " + TABLE)) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batch repository: " + e.getMessage(), e);
        }
        return keys;
    }

    private static void createTables(DataSource dataSource, String blobType) {
        for (String table : new String[] { TABLE, TABLE + "_completed" }) {
            execute(dataSource, "CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(255) NOT NULL, exchange " + blobType
                    + " NOT NULL, version BIGINT NOT NULL, CONSTRAINT " + table + "_pk PRIMARY KEY (id))");
        }
        // the key makes two instances' claims of one lock collide instead of both succeeding
        execute(dataSource, "CREATE TABLE IF NOT EXISTS " + LockRepositories.TABLE + " (processorName VARCHAR(255) NOT NULL,"
                + " messageId VARCHAR(1024) NOT NULL, createdAt TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " CONSTRAINT " + LockRepositories.TABLE + "_pk PRIMARY KEY (processorName, messageId))");
        try {
            Checkpoints.createTable(dataSource, blobType);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the checkpoints table: " + e.getMessage(), e);
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the batch repository tables: " + e.getMessage(), e);
        }
    }
}
