package dev.mobjectsync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** docs/operations.md names only real keys and variables, and describes the compose file as it is. */
class OperationsPageTest {

    private static final String PAGE = ComposeChecks.read(DeadLetterReplayTest.OPERATIONS);
    private static final Pattern STACK_ROW = Pattern.compile("^\\| (`[^|]+`) \\| `([^`]+)` \\|[^|]*\\| (\\d+)[^|]*\\|$",
            Pattern.MULTILINE);

    @Test
    void everyKeyAndVariableOfThePageIsReadByTheApplication() {
        Set<String> unknown = new TreeSet<>();
        Set<String> keys = ConfigKeys.knownKeys();
        Set<String> variables = keys.stream().map(ConfigKeys::envVar).collect(Collectors.toSet());
        Matcher key = Pattern.compile("mobject-sync(\\.[a-z0-9-]+)+(?![.a-z0-9*-])").matcher(PAGE);
        while (key.find()) {
            if (!keys.contains(key.group())) {
                unknown.add(key.group());
            }
        }
        Matcher variable = Pattern.compile("MOBJECT_SYNC_[A-Z0-9_]+").matcher(PAGE);
        while (variable.find()) {
            if (!variables.contains(variable.group())) {
                unknown.add(variable.group());
            }
        }
        assertEquals(Set.of(), unknown);
    }

    @Test
    void theStackTableIsTheComposeFile() {
        ComposeChecks compose = ComposeChecks.ofProjectFiles();
        Matcher row = STACK_ROW.matcher(PAGE);
        List<String> problems = new ArrayList<>();
        Set<String> described = new TreeSet<>();
        while (row.find()) {
            for (String service : row.group(1).replace("`", "").split(",\\s*")) {
                described.add(service);
                Map<String, Object> definition = compose.service(service);
                if (!row.group(2).equals(definition.get("image"))) {
                    problems.add(service + ": documented image " + row.group(2) + ", compose " + definition.get(
                            "image"));
                }
                if (!row.group(3).equals(String.valueOf(portOf(row.group(2))))) {
                    problems.add(service + ": documented port " + row.group(3));
                }
            }
        }
        assertFalse(described.isEmpty(), "no stack table found");
        assertEquals(List.of(), problems);
        assertEquals(ComposeChecks.map(ComposeChecks.parse(ComposeChecks.read(ComposeChecks.COMPOSE_FILE))
                .get("services")).keySet(), described);
    }

    @Test
    void theEnvFileTableListsTheExampleEnvFile() {
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \\|", Pattern.MULTILINE).matcher(PAGE);
        while (row.find()) {
            for (String variable : row.group(1).replace("`", "").split(",\\s*")) {
                documented.add(variable);
            }
        }
        assertEquals(ComposeChecks.envExample(ComposeChecks.read(ComposeChecks.ENV_EXAMPLE)).stringPropertyNames(),
                documented);
    }

    private static int portOf(String image) {
        if (image.startsWith("apache/kafka:")) {
            return ComposeChecks.KAFKA_PORT;
        }
        if (image.startsWith("apache/activemq-artemis:")) {
            return ComposeChecks.ARTEMIS_PORT;
        }
        if (image.startsWith("postgres:")) {
            return ComposeChecks.POSTGRES_PORT;
        }
        return Integer.parseInt(ConfigKeys.packagedDefaults().get("quarkus.http.port"));
    }
}
