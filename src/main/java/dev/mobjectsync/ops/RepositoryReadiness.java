package dev.mobjectsync.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.mobjectsync.batch.BatchRepositoryProducer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness: the batch repository (H2 or PostgreSQL) answers a query on its table. Without it no batch
 * can be kept, so the instance is not ready. (Camel's own checks add the routes and consumers.)
 */
@Readiness
@ApplicationScoped
public class RepositoryReadiness implements HealthCheck {

    static final String NAME = "mobject-sync batch repository";

    private final DataSource dataSource;

    public RepositoryReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.executeQuery("SELECT COUNT(*) FROM " + BatchRepositoryProducer.TABLE).close();
            return HealthCheckResponse.named(NAME).up().build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
