package dev.mobjectsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * In the application, with the packaged switches (file source and simulator on, Kafka and JMS off), the
 * Quarkus registry hands RouteSwitches to Camel: the switched-on routes run and the others never started.
 */
@QuarkusTest
class RouteSwitchesInTheApplicationTest {

    @Inject
    CamelContext camel;

    @Test
    void thePackagedSwitchesRunTheFileSourceAndTheSimulatorAndNeverStartTheBrokerSources() {
        Map<String, ServiceStatus> statuses = new TreeMap<>();
        RouteSwitches.SWITCHES.keySet().forEach(route -> statuses.put(route, camel.getRouteController().getRouteStatus(
                route)));
        assertEquals(Map.of("ingest-file", ServiceStatus.Started, "watch-inbox", ServiceStatus.Started,
                "marketo-simulator", ServiceStatus.Started, "ingest-kafka", ServiceStatus.Stopped,
                "ingest-jms", ServiceStatus.Stopped), statuses);
    }
}
