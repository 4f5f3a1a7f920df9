package dev.mobjectsync.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import dev.mobjectsync.batch.RepositoryMigrations;

/**
 * A database of its own on the PostgreSQL server of this machine ({@code 127.0.0.1:5432}, user
 * {@code postgres} unless {@code -Dpg.user} says otherwise, password from {@code PGPASSWORD} if the
 * server wants one; {@code .ci/run} makes sure it runs), created for one test and dropped after it.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final String SERVER = System.getProperty("pg.server", "127.0.0.1:5432");
    private static final String USER = System.getProperty("pg.user", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("PGPASSWORD", "");

    final String name = "mobject_sync_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private ScratchDatabase() {
    }

    public static ScratchDatabase create() throws SQLException {
        ScratchDatabase database = new ScratchDatabase();
        database.onServer("CREATE DATABASE " + database.name);
        return database;
    }

    public String url() {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    /** Unpooled: every connection is a new one. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** The repository's tables, by the application's migrations. */
    public void migrate() {
        RepositoryMigrations.migrateAtStart(dataSource(), "postgres");
    }

    /** What a replica needs in its environment to use this database as its repository. */
    public Map<String, String> repositoryEnvironment() {
        return Map.of("MOBJECT_SYNC_REPOSITORY_KIND", "postgres", "MOBJECT_SYNC_REPOSITORY_URL", url(),
                "MOBJECT_SYNC_REPOSITORY_USERNAME", USER, "MOBJECT_SYNC_REPOSITORY_PASSWORD", PASSWORD);
    }

    /**
     * A replica's repository settings: this database, shared with the other replicas, and a dead replica's
     * work taken over after {@code takeoverAfter} (heartbeats and recovery every second, to notice it fast).
     */
    Map<String, String> replicaEnvironment(Duration takeoverAfter) {
        Map<String, String> environment = new HashMap<>(repositoryEnvironment());
        environment.put("MOBJECT_SYNC_REPOSITORY_RECOVERY_INTERVAL", "1s");
        environment.put("MOBJECT_SYNC_REPOSITORY_TAKEOVER_AFTER", takeoverAfter.toSeconds() + "s");
        environment.put("MOBJECT_SYNC_REPOSITORY_HEARTBEAT_INTERVAL", "1s");
        return environment;
    }

    /** Runs SQL (statements separated by semicolons, no parameters) on this database. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), USER, PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void onServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER,
                PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
