package dev.mobjectsync.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Derives Quarkus' datasource keys from {@code mobject-sync.repository.*}: of the two datasources
 * {@code h2} and {@code postgres} (declared in application.properties), the one named by
 * {@code repository.kind} is active and takes {@code repository.url}, {@code .username} and
 * {@code .password}; its pool holds one connection per concurrent Marketo call plus
 * {@link #POOLED_BESIDES_SENDERS}. Read at every start from all other sources (environment variables
 * and profiles included); a {@code quarkus.datasource.*} key set in any of them wins over the derived
 * one. Registered in META-INF/services.
 */
public class RepositoryDataSources implements ConfigSourceFactory {

    /**
     * Connections beyond one per sending thread: sources, timeout checker, recovery, lock keep-alives, and
     * with PostgreSQL the shared quota's lock connection (held while the replica lives) and its heartbeat.
     */
    static final int POOLED_BESIDES_SENDERS = 10;
    private static final List<String> KINDS = List.of("h2", "postgres");
    /** Below the packaged application.properties (250), config/application.properties (260) and the environment (300). */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String kind = value(context, "mobject-sync.repository.kind");
        Map<String, String> keys = new HashMap<>();
        for (String name : KINDS) {
            keys.put(prefix(name) + "active", String.valueOf(name.equals(kind)));
        }
        if (KINDS.contains(kind)) {
            String prefix = prefix(kind);
            copy(context, "mobject-sync.repository.url", keys, prefix + "jdbc.url");
            copy(context, "mobject-sync.repository.username", keys, prefix + "username");
            copy(context, "mobject-sync.repository.password", keys, prefix + "password");
            maxConcurrentCalls(context).ifPresent(
                    calls -> keys.put(prefix + "jdbc.max-size", String.valueOf(calls + POOLED_BESIDES_SENDERS)));
        }
        return List.of(new PropertiesConfigSource(keys, "mobject-sync repository datasources", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String prefix(String name) {
        return "quarkus.datasource.\"" + name + "\".";
    }

    private static OptionalInt maxConcurrentCalls(ConfigSourceContext context) {
        String calls = value(context, "mobject-sync.limits.max-concurrent-calls");
        try {
            return calls == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(calls.trim()));
        } catch (NumberFormatException e) {
            // SyncConfig's validation reports the value; the pool keeps Quarkus' default meanwhile
            return OptionalInt.empty();
        }
    }

    private static void copy(ConfigSourceContext context, String from, Map<String, String> keys, String to) {
        String value = value(context, from);
        if (value != null && !value.isEmpty()) {
            keys.put(to, value);
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
