package dev.mobjectsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.mobjectsync.scale.ScratchDatabase;

/** The repository's Flyway migrations on real H2 and PostgreSQL databases, fresh or prepared by earlier versions. */
class RepositoryMigrationsTest {

    private static final List<String> TABLES = List.of(BatchRepositoryProducer.TABLE, BatchRepositoryProducer.TABLE
            + "_completed",
            LockRepositories.TABLE, Checkpoints.TABLE);
    private static final String HISTORY = "mobject_sync_schema_history";
    /** PostgreSQL also holds the replicas' shared quota (V2): every call's row, and the one quota row. */
    private static final List<String> POSTGRES_VERSIONS = List.of("0", "1", "2");

    @Test
    void aFreshH2DatabaseGetsEveryTable() throws Exception {
        DataSource h2 = h2();

        RepositoryMigrations.migrateAtStart(h2, "h2");

        for (String table : TABLES) {
            assertEquals(0, count(h2, table), table);
        }
        assertEquals(List.of("0", "1"), versions(h2));
    }

    @Test
    void aFreshPostgresDatabaseGetsEveryTable() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            database.migrate();

            for (String table : TABLES) {
                assertEquals(0, database.count(table), table);
            }
            assertEquals(0, database.count("mobject_sync_calls"));
            assertEquals(1, database.count("mobject_sync_quota"), "the quota row");
            assertEquals(POSTGRES_VERSIONS, versions(database.dataSource()));
        }
    }

    @Test
    void anH2DatabaseOfTheStartUpCodeIsAdoptedWithItsRows() throws Exception {
        DataSource h2 = h2();
        startUpCodeTables(h2, "VARBINARY");

        RepositoryMigrations.migrateAtStart(h2, "h2");

        assertEquals(List.of("0", "1"), versions(h2));
        for (String table : TABLES) {
            assertEquals(1, count(h2, table), table);
        }
    }

    @Test
    void aPostgresDatabaseOfTheStartUpCodeIsAdoptedWithItsRows() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            startUpCodeTables(database.dataSource(), "BYTEA");

            database.migrate();

            assertEquals(POSTGRES_VERSIONS, versions(database.dataSource()));
            for (String table : TABLES) {
                assertEquals(1, database.count(table), table);
            }
        }
    }

    /** Replicas started together on a fresh database: the start-up code's CREATE TABLE IF NOT EXISTS failed there. */
    @Test
    void twoInstancesMigratingAFreshPostgresDatabaseAtOnceBothStart() throws Exception {
        int instances = 2;
        try (ScratchDatabase database = ScratchDatabase.create()) {
            CyclicBarrier together = new CyclicBarrier(instances);
            ExecutorService threads = Executors.newFixedThreadPool(instances);
            try {
                List<Future<?>> migrations = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    migrations.add(threads.submit(() -> {
                        together.await();
                        database.migrate();
                        return null;
                    }));
                }
                for (Future<?> migration : migrations) {
                    migration.get();
                }
            } finally {
                threads.shutdownNow();
            }

            assertEquals(POSTGRES_VERSIONS, versions(database.dataSource()));
            for (String table : TABLES) {
                assertEquals(0, database.count(table), table);
            }
        }
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** The tables as the start-up code of earlier versions created them, one row in each. */
    private static void startUpCodeTables(DataSource dataSource, String blobType) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[]{BatchRepositoryProducer.TABLE, BatchRepositoryProducer.TABLE
                    + "_completed"}) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(255) NOT NULL, exchange "
                        + blobType
                        + " NOT NULL, version BIGINT NOT NULL, CONSTRAINT " + table + "_pk PRIMARY KEY (id))");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                        + " VALUES ('batch-1', ?, 1)")) {
                    insert.setBytes(1, new byte[]{0});
                    insert.executeUpdate();
                }
            }
            statement.execute("CREATE TABLE IF NOT EXISTS " + LockRepositories.TABLE
                    + " (processorName VARCHAR(255) NOT NULL,"
                    + " messageId VARCHAR(1024) NOT NULL, createdAt TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " CONSTRAINT " + LockRepositories.TABLE + "_pk PRIMARY KEY (processorName, messageId))");
            statement.execute("INSERT INTO " + LockRepositories.TABLE
                    + " VALUES ('ingest', 'a.ndjson', CURRENT_TIMESTAMP)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + Checkpoints.TABLE
                    + " (source VARCHAR(1024) NOT NULL, unit INT NOT NULL,"
                    + " call_id VARCHAR(64) NOT NULL, indexes VARCHAR(8000) NOT NULL, outcomes " + blobType + ","
                    + " CONSTRAINT " + Checkpoints.TABLE + "_pk PRIMARY KEY (source, unit, call_id))");
            statement.execute("INSERT INTO " + Checkpoints.TABLE + " VALUES ('file:a', 1, 'call-1', '0', NULL)");
        }
    }

    /** The versions Flyway recorded as applied (the baseline included, its own markers left out), in order. */
    private static List<String> versions(DataSource dataSource) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\" FROM \"" + HISTORY
                                + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
