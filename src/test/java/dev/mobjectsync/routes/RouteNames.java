package dev.mobjectsync.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The header and exchange property names a route tree uses, each with where: the name of a
 * {@code setHeader}/{@code setProperty}/{@code removeHeader}/{@code removeProperty} step, the pattern of a
 * {@code removeHeaders}/{@code removeProperties} step, a {@code header}/{@code exchangeProperty} expression, and
 * every {@code ${header.X}}, {@code ${headers.X}}, {@code ${exchangeProperty.X}} (or {@code [X]},
 * {@code headerAs(X, …)}) reference in any text: simple expressions, bean method calls, log messages, URIs.
 */
final class RouteNames {

    /** A name as a route uses it, and where (a JSON pointer into the file). */
    record Use(String name, String at) {
    }

    private static final Set<String> NAMED_STEPS = Set.of("setHeader", "setProperty", "removeHeader", "removeProperty");
    private static final Set<String> PATTERN_STEPS = Set.of("removeHeaders", "removeProperties");
    private static final Set<String> NAME_EXPRESSIONS = Set.of("header", "exchangeProperty");
    private static final Pattern SIMPLE_REFERENCE = Pattern.compile(
            "\\$\\{(?:in\\.)?(?:headers?|exchangeProperty)(?:\\.|\\[)\\s*['\"]?([^.\\[\\]'\"}\\s]+)"
                    + "|\\$\\{(?:headerAs|exchangePropertyAs)\\(\\s*['\"]?([^,'\")\\s]+)");

    private RouteNames() {
    }

    static List<Use> in(JsonNode tree) {
        List<Use> uses = new ArrayList<>();
        collect(tree, "", uses);
        return uses;
    }

    private static void collect(JsonNode node, String at, List<Use> uses) {
        if (node.isTextual()) {
            Matcher reference = SIMPLE_REFERENCE.matcher(node.textValue());
            while (reference.find()) {
                uses.add(new Use(reference.group(1) != null ? reference.group(1) : reference.group(2), at));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                String inside = at + "/" + key;
                if (NAMED_STEPS.contains(key)) {
                    add(value.path("name"), inside + "/name", uses);
                } else if (PATTERN_STEPS.contains(key)) {
                    add(value.path("pattern"), inside + "/pattern", uses);
                    add(value.path("excludePattern"), inside + "/excludePattern", uses);
                } else if (NAME_EXPRESSIONS.contains(key)) {
                    add(value.isObject() ? value.path("expression") : value, inside, uses);
                }
                collect(value, inside, uses);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, uses);
            }
        }
    }

    private static void add(JsonNode name, String at, List<Use> uses) {
        if (name.isValueNode()) {
            uses.add(new Use(name.asText(), at));
        }
    }
}
