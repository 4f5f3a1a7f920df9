package dev.mobjectsync.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.simulator.SimulatorConfig;

import io.smallrye.config.WithName;

/**
 * The application's configuration keys as the code knows them: the packaged defaults
 * ({@code src/main/resources/application.properties}, profile keys left out) and every key of the
 * {@link SyncConfig} and {@link SimulatorConfig} mappings, with the environment variable SmallRye Config maps to each.
 */
final class ConfigKeys {

    static final Path PACKAGED_DEFAULTS = Path.of("src/main/resources/application.properties");

    private ConfigKeys() {
    }

    /**
     * Non-profile keys of the packaged defaults, with their values as written in the file (what a user
     * copies into config/application.properties). The file has no continuation lines.
     */
    static Map<String, String> packagedDefaults() {
        Map<String, String> defaults = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(PACKAGED_DEFAULTS, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#") && !entry.startsWith("!") && !entry.startsWith("%")) {
                    int equals = entry.indexOf('=');
                    defaults.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults;
    }

    /** Every key of the two mappings, from the interfaces' methods and their {@link WithName}s. */
    static Set<String> declaredKeys() {
        Set<String> keys = new TreeSet<>();
        collect(SyncConfig.class, "mobject-sync", keys);
        collect(SimulatorConfig.class, "mobject-sync.simulator", keys);
        return keys;
    }

    /** Keys the application reads: the packaged defaults' and the mapping's. */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(packagedDefaults().keySet());
        keys.addAll(declaredKeys());
        return keys;
    }

    /** The environment variable of a key: upper case, every character other than a letter or digit an underscore. */
    static String envVar(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static void collect(Class<?> mapping, String prefix, Set<String> keys) {
        for (Method method : mapping.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String key = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() != null
                    && List.of(SyncConfig.class, SimulatorConfig.class).contains(type.getEnclosingClass())) {
                collect(type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
