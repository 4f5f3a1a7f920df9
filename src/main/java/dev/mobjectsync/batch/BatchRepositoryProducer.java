package dev.mobjectsync.batch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.FlywayExecutor;

import dev.mobjectsync.config.SyncConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.flyway.FlywayDataSource;
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
    /** Classes a stored batch may contain; everything else is refused when reading it back. */
    static final String DESERIALIZATION_FILTER = "java.**;javax.**;org.apache.camel.**;dev.mobjectsync.**;!*";

    /**
     * The repository's database: Quarkus' datasource of {@code repository.kind} (the only active one; its
     * tables are Flyway's, migrated here first). Not closed by this bean: Quarkus closes its
     * datasources last, after Camel's shutdown has flushed the open batches into them.
     */
    @Produces
    @Singleton
    DataSource batchDataSource(SyncConfig config,
            @io.quarkus.agroal.DataSource("h2") InjectableInstance<AgroalDataSource> h2,
            @io.quarkus.agroal.DataSource("postgres") InjectableInstance<AgroalDataSource> postgres,
            @FlywayDataSource("h2") InjectableInstance<Flyway> h2Migrations,
            @FlywayDataSource("postgres") InjectableInstance<Flyway> postgresMigrations) {
        if ("postgres".equals(config.repository().kind())) {
            migrate(postgresMigrations.get());
            return postgres.get();
        }
        migrate(h2Migrations.get());
        AgroalDataSource dataSource = h2.get();
        // an H2 file opens in one process only: every lock in it was left by this instance's previous run
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + LockRepositories.TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the locks of the previous run: " + e.getMessage(), e);
        }
        return dataSource;
    }

    /**
     * The repository's tables before anything uses them, migrated here and only here (Quarkus' migrate-at-start and
     * baseline-at-start are off). Quarkus runs its start actions in a start step that is not ordered before Camel's,
     * and Camel creates the routes, and with them this data source, as it starts: seen in the tests, a start met a new
     * database without its tables. So the first use migrates, exactly as Quarkus' baseline-at-start then
     * migrate-at-start did (FlywayRecorder): a database without the history table is baselined at the configured
     * {@code baseline-version} (0) first, in one step that tolerates another replica doing the same, then V1 creates
     * its tables if they are not there. Also what the tests migrate their own databases with (RepositoryMigrations).
     */
    static void migrate(Flyway flyway) {
        new FlywayExecutor(flyway.getConfiguration()).execute(
                (resolver, history, database, schema, schemas, callbacks, interceptor) -> history.exists() ? null
                        : flyway.baseline(),
                true, null);
        flyway.migrate();
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
}
