package dev.mobjectsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Every route file is valid against Camel's own YAML DSL JSON schema, the one Kaoto and the Camel tooling
 * read: {@code schema/camelYamlDsl.json} of the camel-yaml-dsl jar this build runs the routes with.
 */
class RoutesSchemaTest {

    static final String SCHEMA = "schema/camelYamlDsl.json";

    @Test
    void everyRouteFileIsValidForCamelsYamlDslSchema() {
        Schema schema = camelYamlDslSchema();
        List<String> errors = RouteFiles.all().stream().flatMap(file -> errors(schema, file).stream()).toList();
        assertEquals("", String.join("\n", errors), "routes against " + SCHEMA);
    }

    private static List<String> errors(Schema schema, Path file) {
        return schema.validate(RouteFiles.tree(file)).stream()
                .map(error -> file.getFileName() + " " + error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    private static Schema camelYamlDslSchema() {
        try (InputStream json = RoutesSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            assertNotNull(json, SCHEMA + " on the test classpath (camel-yaml-dsl)");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
