package dev.mobjectsync.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every key the code reads, with the packaged default and the environment
 * variable, and no key the code does not read; config/application.properties' examples name real keys.
 */
class ConfigurationReferenceTest {

    static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|(.*)\\|\\s*$");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** A documented key: the default and environment variable cells as written. */
    record Row(String defaultCell, String envCell) {
    }

    @Test
    void everyPackagedAndDeclaredKeyIsDocumented() {
        assertEquals(Set.of(), undocumented(rows(ComposeChecks.read(REFERENCE))));
    }

    @Test
    void documentedDefaultsAreThePackagedOnes() {
        assertEquals(List.of(), wrongDefaults(rows(ComposeChecks.read(REFERENCE))));
    }

    @Test
    void documentedEnvironmentVariablesAreTheMappedNames() {
        assertEquals(List.of(), wrongVariables(rows(ComposeChecks.read(REFERENCE))));
    }

    @Test
    void noDocumentedKeyIsUnknownToTheCode() {
        Set<String> stale = new TreeSet<>(rows(ComposeChecks.read(REFERENCE)).keySet());
        stale.removeIf(key -> !key.startsWith("mobject-sync."));
        stale.removeAll(ConfigKeys.knownKeys());
        assertEquals(Set.of(), stale);
    }

    @Test
    void theDeploymentExamplesNameOnlyRealKeys() {
        Set<String> unknown = new TreeSet<>();
        Matcher key = Pattern.compile("^#?\\s*(mobject-sync\\.[a-z0-9.-]+)\\s*=", Pattern.MULTILINE)
                .matcher(ComposeChecks.read(Path.of("config/application.properties")));
        while (key.find()) {
            unknown.add(key.group(1));
        }
        unknown.removeAll(ConfigKeys.knownKeys());
        assertEquals(Set.of(), unknown);
    }

    @Test
    void aMissingKeyAWrongDefaultAndAWrongVariableAreCaught() {
        String reference = ComposeChecks.read(REFERENCE);
        String withoutBatchSize = reference.replaceAll("(?m)^\\| `mobject-sync\\.batch\\.size` .*\\n", "");
        assertEquals(Set.of("mobject-sync.batch.size"), undocumented(rows(withoutBatchSize)));

        String wrongDefault = reference.replace("| `mobject-sync.batch.timeout` | `1s` |",
                "| `mobject-sync.batch.timeout` | `2s` |");
        assertFalse(wrongDefaults(rows(wrongDefault)).isEmpty());

        String noneForAPackagedKey = reference.replace("| `mobject-sync.batch.timeout` | `1s` |",
                "| `mobject-sync.batch.timeout` | none |");
        assertFalse(wrongDefaults(rows(noneForAPackagedKey)).isEmpty());

        String wrongVariable = reference.replace("`MOBJECT_SYNC_SOURCES_KAFKA_GROUP_ID`",
                "`MOBJECT_SYNC_SOURCES_KAFKA_GROUPID`");
        assertFalse(wrongVariables(rows(wrongVariable)).isEmpty());
    }

    @Test
    void theReadmeLinksTheReference() {
        assertTrue(ComposeChecks.read(Path.of("README.md")).contains("(docs/configuration.md)"));
    }

    /** The rows of every key table: key → cells. */
    static Map<String, Row> rows(String markdown) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), new Row(row.group(2).strip(), row.group(3).strip()));
            }
        }
        return rows;
    }

    /** Non-profile mobject-sync.* keys of the packaged defaults and every SyncConfig key without a row. */
    static Set<String> undocumented(Map<String, Row> rows) {
        Set<String> keys = new TreeSet<>(ConfigKeys.declaredKeys());
        ConfigKeys.packagedDefaults().keySet().stream().filter(key -> key.startsWith("mobject-sync.")).forEach(
                keys::add);
        keys.removeAll(rows.keySet());
        return keys;
    }

    /**
     * A packaged key's row starts its default with the packaged value as code; a mobject-sync key that has no
     * packaged value is documented as "none".
     */
    static List<String> wrongDefaults(Map<String, Row> rows) {
        Map<String, String> packaged = ConfigKeys.packagedDefaults();
        List<String> problems = new ArrayList<>();
        rows.forEach((key, row) -> {
            String expected = packaged.get(key);
            Matcher code = CODE.matcher(row.defaultCell());
            if (expected != null && !(row.defaultCell().startsWith("`") && code.find() && code.group(1).equals(
                    expected))) {
                problems.add(key + ": documented default " + row.defaultCell() + ", packaged " + expected);
            } else if (expected == null && key.startsWith("mobject-sync.") && !row.defaultCell().startsWith("none")) {
                problems.add(key + ": no packaged default, documented " + row.defaultCell());
            }
        });
        return problems;
    }

    static List<String> wrongVariables(Map<String, Row> rows) {
        List<String> problems = new ArrayList<>();
        rows.forEach((key, row) -> {
            if (!row.envCell().equals("`" + ConfigKeys.envVar(key) + "`")) {
                problems.add(key + ": documented variable " + row.envCell() + ", mapped " + ConfigKeys.envVar(key));
            }
        });
        return problems;
    }
}
