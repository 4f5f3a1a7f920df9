package dev.mobjectsync.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The project's route files, {@code routes/*.yaml}, as written and as Jackson trees. */
public final class RouteFiles {

    public static final Path ROUTES = Path.of("routes");
    private static final YAMLMapper YAML = new YAMLMapper();

    private RouteFiles() {
    }

    /** Every {@code routes/*.yaml} file, by name. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(ROUTES)) {
            List<Path> yaml = files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
            if (yaml.isEmpty()) {
                throw new IllegalStateException("no route files under " + ROUTES.toAbsolutePath());
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
