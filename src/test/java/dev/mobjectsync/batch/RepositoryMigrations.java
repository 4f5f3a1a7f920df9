package dev.mobjectsync.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The repository's Flyway migrations for a database a test made itself, configured from the same
 * {@code quarkus.flyway."kind".*} keys of application.properties that the application migrates with.
 */
public final class RepositoryMigrations {

    private RepositoryMigrations() {
    }

    /**
     * What the application does at start (BatchRepositoryProducer.migrate: baseline when there is no history table,
     * then migrate). {@code kind}: {@code h2} or {@code postgres}, as {@code mobject-sync.repository.kind}.
     */
    public static void migrateAtStart(DataSource dataSource, String kind) {
        Properties application = application();
        String prefix = "quarkus.flyway.\"" + kind + "\".";
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:" + required(application, prefix + "locations"))
                .table(required(application, prefix + "table"))
                .baselineVersion(required(application, prefix + "baseline-version"))
                .load();
        BatchRepositoryProducer.migrate(flyway);
    }

    private static String required(Properties application, String key) {
        String value = application.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not in application.properties");
        }
        return value;
    }

    private static Properties application() {
        Properties properties = new Properties();
        try (InputStream in = RepositoryMigrations.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
