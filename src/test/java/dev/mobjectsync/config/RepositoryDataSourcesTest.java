package dev.mobjectsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The repository keys become Quarkus' datasource keys: the datasource of the kind active, the other not. */
class RepositoryDataSourcesTest {

    private static final String H2 = "quarkus.datasource.\"h2\".";
    private static final String POSTGRES = "quarkus.datasource.\"postgres\".";

    @Test
    void kindH2ActivatesTheH2DatasourceOnly() {
        SmallRyeConfig config = config(Map.of("mobject-sync.repository.kind", "h2", "mobject-sync.repository.url",
                "jdbc:h2:mem:x", "mobject-sync.limits.max-concurrent-calls", "10"), Map.of());

        assertEquals("true", config.getRawValue(H2 + "active"));
        assertEquals("false", config.getRawValue(POSTGRES + "active"));
        assertEquals("jdbc:h2:mem:x", config.getRawValue(H2 + "jdbc.url"));
        assertEquals("20", config.getRawValue(H2 + "jdbc.max-size"));
        assertNull(config.getRawValue(POSTGRES + "jdbc.url"));
    }

    @Test
    void kindPostgresActivatesThePostgresDatasourceWithAPoolSizedForTheSenders() {
        SmallRyeConfig config = config(Map.of("mobject-sync.repository.kind", "postgres", "mobject-sync.repository.url",
                "jdbc:postgresql://db/sync", "mobject-sync.repository.username", "sync",
                "mobject-sync.repository.password", "pw",
                "mobject-sync.limits.max-concurrent-calls", "25"), Map.of());

        assertEquals("false", config.getRawValue(H2 + "active"));
        assertEquals("true", config.getRawValue(POSTGRES + "active"));
        assertEquals("jdbc:postgresql://db/sync", config.getRawValue(POSTGRES + "jdbc.url"));
        assertEquals("sync", config.getRawValue(POSTGRES + "username"));
        assertEquals("pw", config.getRawValue(POSTGRES + "password"));
        assertEquals(String.valueOf(25 + RepositoryDataSources.POOLED_BESIDES_SENDERS),
                config.getRawValue(POSTGRES + "jdbc.max-size"));
        assertNull(config.getRawValue(H2 + "jdbc.url"));
    }

    @Test
    void environmentVariablesWinOverTheFiles() {
        SmallRyeConfig config = config(Map.of("mobject-sync.repository.kind", "h2", "mobject-sync.repository.url",
                "jdbc:h2:mem:x", "mobject-sync.limits.max-concurrent-calls", "10"),
                Map.of("MOBJECT_SYNC_REPOSITORY_KIND", "postgres", "MOBJECT_SYNC_REPOSITORY_URL",
                        "jdbc:postgresql://db/sync",
                        "MOBJECT_SYNC_LIMITS_MAX_CONCURRENT_CALLS", "4"));

        assertEquals("false", config.getRawValue(H2 + "active"));
        assertEquals("true", config.getRawValue(POSTGRES + "active"));
        assertEquals("jdbc:postgresql://db/sync", config.getRawValue(POSTGRES + "jdbc.url"));
        assertEquals("14", config.getRawValue(POSTGRES + "jdbc.max-size"));
    }

    @Test
    void aProfileValueIsTheOneMapped() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile("test")
                .withSources(new PropertiesConfigSource(Map.of("mobject-sync.repository.kind", "h2",
                        "mobject-sync.repository.url",
                        "jdbc:h2:mem:main", "%test.mobject-sync.repository.url", "jdbc:h2:mem:test"),
                        "application.properties", 250))
                .withSources(new RepositoryDataSources()).build();

        assertEquals("jdbc:h2:mem:test", config.getRawValue(H2 + "jdbc.url"));
    }

    @Test
    void aDatasourceKeySetDirectlyWinsOverTheDerivedOne() {
        SmallRyeConfig config = config(Map.of("mobject-sync.repository.kind", "postgres", "mobject-sync.repository.url",
                "jdbc:postgresql://db/sync", "mobject-sync.limits.max-concurrent-calls", "10", POSTGRES
                        + "jdbc.max-size", "50"),
                Map.of());

        assertEquals("50", config.getRawValue(POSTGRES + "jdbc.max-size"));
    }

    private static SmallRyeConfig config(Map<String, String> files, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(files, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new RepositoryDataSources()).build();
    }
}
