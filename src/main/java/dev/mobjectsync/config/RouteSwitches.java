package dev.mobjectsync.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Which of the routes that can be switched off start with the application. Each is declared
 * {@code autoStartup: false} in its YAML file (a boolean, as Camel's YAML DSL schema wants); when Camel creates
 * it, this route policy factory reads its switch and sets the route's auto-startup from it, before Camel decides
 * which routes to start. A route switched off is never started, so it never consumes. The switch of a route is
 * a list of configuration keys (application.properties, config/application.properties, the environment):
 * the first one defined decides.
 * <p>
 * Camel Main finds this factory in the registry by its type; the name keeps Quarkus from removing the bean as
 * unused, which would leave every switched route off.
 */
@ApplicationScoped
@Named("routeSwitches")
public class RouteSwitches implements RoutePolicyFactory {

    /** Route id → the configuration keys of its switch, the first one defined decides. */
    static final Map<String, List<String>> SWITCHES = Map.of(
            "ingest-file", List.of("mobject-sync.sources.file.enabled"),
            "watch-inbox", List.of("mobject-sync.sources.file.enabled"),
            "ingest-jms", List.of("mobject-sync.sources.jms.enabled"),
            "ingest-kafka", List.of("mobject-sync.sources.kafka.enabled"),
            // simulator.active is derived from the configuration where it exists; simulator.enabled otherwise
            "marketo-simulator", List.of("mobject-sync.simulator.active", "mobject-sync.simulator.enabled"));

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        List<String> keys = SWITCHES.get(routeId);
        if (keys == null) {
            return null;
        }
        return new Switch(isOn(keys, key -> camel.getPropertiesComponent().resolveProperty(key)));
    }

    /** Whether a switch is on: its first key that {@code config} defines, which must be true or false. */
    static boolean isOn(List<String> keys, Function<String, Optional<String>> config) {
        for (String key : keys) {
            Optional<String> value = config.apply(key).map(String::strip);
            if (value.isPresent()) {
                if (value.get().equalsIgnoreCase("true")) {
                    return true;
                }
                if (value.get().equalsIgnoreCase("false")) {
                    return false;
                }
                throw new IllegalArgumentException(key + " must be true or false, not '" + value.get() + "'");
            }
        }
        throw new IllegalArgumentException("none of " + keys + " is configured");
    }

    /** Sets a switched route's auto-startup as Camel creates it. */
    private static final class Switch extends RoutePolicySupport {

        private final boolean on;

        Switch(boolean on) {
            this.on = on;
        }

        @Override
        public void onInit(Route route) {
            route.setAutoStartup(on);
        }
    }
}
