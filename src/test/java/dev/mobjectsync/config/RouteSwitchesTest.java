package dev.mobjectsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.routes.RouteFiles;

/**
 * A route with a switch starts with the CamelContext only when its switch is on; the route files declare
 * exactly the switched routes {@code autoStartup: false}, so nothing else is off and nothing switched is on
 * without its switch.
 */
class RouteSwitchesTest {

    private static final String ACTIVE = "mobject-sync.simulator.active";
    private static final String ENABLED = "mobject-sync.simulator.enabled";

    @Test
    void aRouteStartsWithTheContextOnlyWhenItsSwitchIsOn() throws Exception {
        Properties config = new Properties();
        config.setProperty("mobject-sync.sources.file.enabled", "false");
        config.setProperty("mobject-sync.sources.jms.enabled", "true");
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().setOverrideProperties(config);
            camel.addRoutePolicyFactory(new RouteSwitches());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ingest-file").routeId("ingest-file").autoStartup(false).to("log:file");
                    from("direct:ingest-jms").routeId("ingest-jms").autoStartup(false).to("log:jms");
                    from("direct:accept").routeId("accept").to("log:accept");
                }
            });
            camel.start();
            assertEquals(ServiceStatus.Stopped, camel.getRouteController().getRouteStatus("ingest-file"));
            assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("ingest-jms"));
            assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus("accept"));
        }
    }

    @Test
    void theSimulatorFollowsActiveWhereItIsDefinedAndEnabledOtherwise() {
        assertFalse(simulatorOn(Map.of(ACTIVE, "false", ENABLED, "true")));
        assertTrue(simulatorOn(Map.of(ACTIVE, "true", ENABLED, "false")));
        assertTrue(simulatorOn(Map.of(ENABLED, "true")));
        assertFalse(simulatorOn(Map.of(ENABLED, "false")));
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseStopsTheStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RouteSwitches.isOn(List.of(ENABLED), key -> Optional.of("yes")));
        assertEquals(ENABLED + " must be true or false, not 'yes'", refused.getMessage());
    }

    @Test
    void theRouteFilesDeclareExactlyTheSwitchedRoutesOff() {
        Set<String> off = new TreeSet<>();
        for (Path file : RouteFiles.all()) {
            for (JsonNode entry : RouteFiles.tree(file)) {
                JsonNode route = entry.path("route");
                if (route.path("autoStartup").isBoolean() && !route.path("autoStartup").booleanValue()) {
                    off.add(route.path("id").asText());
                }
            }
        }
        assertEquals(new TreeSet<>(RouteSwitches.SWITCHES.keySet()), off);
    }

    @Test
    void everySwitchEndsOnAKeyWithAPackagedDefault() throws IOException {
        Properties packaged = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            packaged.load(reader);
        }
        Set<String> withoutDefault = new TreeSet<>();
        RouteSwitches.SWITCHES.forEach((route, keys) -> {
            if (!packaged.containsKey(keys.get(keys.size() - 1))) {
                withoutDefault.add(route + ": " + keys.get(keys.size() - 1));
            }
        });
        assertEquals(Set.of(), withoutDefault);
    }

    private static boolean simulatorOn(Map<String, String> config) {
        return RouteSwitches.isOn(RouteSwitches.SWITCHES.get("marketo-simulator"),
                key -> Optional.ofNullable(config.get(key)));
    }
}
