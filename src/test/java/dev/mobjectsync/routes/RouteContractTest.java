package dev.mobjectsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.mobjectsync.Headers;

/**
 * The routes and the Java beans share one contract: every header and exchange property name that a route file
 * uses is the value of a {@link Headers} constant, or one of Camel's own ({@link Exchange}'s constants, such as
 * CamelFileName), so no name lives only as a literal in YAML. No route names a Java class in an expression
 * either: a bean method says what the body is.
 */
class RouteContractTest {

    /** removeHeaders/removeProperties may name every header or property at once. */
    private static final String EVERY_NAME = "*";
    private static final Pattern JAVA_CLASS = Pattern.compile("(?<![\\w.$])(?:dev\\.mobjectsync|javax?)\\.\\w+");

    @Test
    void everyHeaderAndPropertyARouteNamesIsAContractConstant() {
        Set<String> allowed = contractNames();
        List<String> unknown = new ArrayList<>();
        for (Path file : RouteFiles.all()) {
            for (RouteNames.Use use : RouteNames.in(RouteFiles.tree(file))) {
                if (!allowed.contains(use.name())) {
                    unknown.add(file.getFileName() + " " + use.at() + ": " + use.name());
                }
            }
        }
        assertEquals("", String.join("\n", unknown), "names not in " + Headers.class.getName()
                + " nor Camel's Exchange");
    }

    @Test
    void noRouteNamesAJavaClassOutsideItsExceptionLists() {
        List<String> classNames = new ArrayList<>();
        for (Path file : RouteFiles.all()) {
            collectClassNames(RouteFiles.tree(file), file.getFileName() + " ", classNames);
        }
        assertEquals("", String.join("\n", classNames), "Java class names in routes");
    }

    @Test
    void theScanFindsEveryWayARouteNamesAHeaderOrProperty() throws Exception {
        JsonNode route = new YAMLMapper().readTree("""
                - route:
                    from:
                      uri: "file:in?fileName=${header.InUri}"
                      steps:
                        - setHeader: {name: Set1, simple: "${headers.Simple1} ${in.header.Simple2}"}
                        - setProperty: {name: Set2, simple: "${exchangeProperty.Simple3.size} ${exchangeProperty[Simple4]}"}
                        - removeHeader: {name: Removed1}
                        - removeProperty: {name: Removed2}
                        - removeHeaders: {pattern: Pattern1, excludePattern: Pattern2}
                        - removeProperties: {pattern: Pattern3}
                        - aggregate: {correlationExpression: {header: Expression1}}
                        - filter: {exchangeProperty: {expression: Expression2}}
                        - log: {message: "${headerAs(Simple5, Integer)}"}
                        - bean: {ref: beans, method: "count(${exchangeProperty.Simple6})"}
                """);
        assertEquals(new TreeSet<>(List.of("InUri", "Set1", "Simple1", "Simple2", "Set2", "Simple3", "Simple4",
                "Removed1", "Removed2", "Pattern1", "Pattern2", "Pattern3", "Expression1", "Expression2", "Simple5",
                "Simple6")), new TreeSet<>(RouteNames.in(route).stream().map(RouteNames.Use::name).toList()));
    }

    /** The values of {@link Headers}' constants and of Camel's {@link Exchange} constants, and {@value #EVERY_NAME}. */
    private static Set<String> contractNames() {
        Set<String> names = new TreeSet<>(constantValues(Headers.class));
        names.addAll(constantValues(Exchange.class));
        names.add(EVERY_NAME);
        return names;
    }

    private static Set<String> constantValues(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field field : holder.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    /** Every text naming a class of the project or of the JDK, except the exception lists of onException and doCatch. */
    private static void collectClassNames(JsonNode node, String at, List<String> found) {
        if (node.isTextual()) {
            Matcher className = JAVA_CLASS.matcher(node.textValue());
            if (className.find()) {
                found.add(at + ": " + node.textValue());
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("exception")) {
                    collectClassNames(field.getValue(), at + "/" + field.getKey(), found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectClassNames(node.get(i), at + "/" + i, found);
            }
        }
    }
}
