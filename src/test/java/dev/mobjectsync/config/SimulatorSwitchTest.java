package dev.mobjectsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * {@code mobject-sync.simulator.active} as Quarkus derives it from the packaged application.properties, the
 * profile and the environment.
 */
class SimulatorSwitchTest {

    private static final Map<String, String> OWN_CREDENTIALS = Map.of("MOBJECT_SYNC_MARKETO_USER_ID", "acme_1",
            "MOBJECT_SYNC_MARKETO_SECRET_KEY", "acme-secret");

    @Test
    void theTestProfileRunsTheSimulatorOnTheTestPort() throws IOException {
        assertEquals("true", active(build("test", Map.of("QUARKUS_HTTP_TEST_PORT", "18501"))));
    }

    @Test
    void theEmbeddedDefaultRunsTheSimulatorOnTheApplicationsPort() throws IOException {
        assertEquals("true", active(build("prod", Map.of("QUARKUS_HTTP_PORT", "9000"))));
        assertEquals("true", active(build("prod", Map.of())));
    }

    @Test
    void aConfiguredEndpointStopsItAndItCannotBeForcedOnByHand() throws IOException {
        Map<String, String> environment = new HashMap<>(OWN_CREDENTIALS);
        environment.put("MOBJECT_SYNC_MARKETO_ENDPOINT", "https://123-ABC-456.mktoapi.com/soap/mktows/2_3");
        environment.put("MOBJECT_SYNC_SIMULATOR_ACTIVE", "true");
        assertEquals("false", active(build("prod", environment)));
    }

    @Test
    void theSimulatorForcedOnNextToARealEndpointStopsTheStart() {
        Map<String, String> environment = new HashMap<>(OWN_CREDENTIALS);
        environment.put("MOBJECT_SYNC_MARKETO_ENDPOINT", "https://123-ABC-456.mktoapi.com/soap/mktows/2_3");
        environment.put("MOBJECT_SYNC_SIMULATOR_ENABLED", "true");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> build("prod",
                environment));
        assertTrue(refused.getMessage().contains("mobject-sync.simulator.enabled=true"), refused.getMessage());
    }

    @Test
    void theDemoCredentialsNextToARealEndpointStopTheStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> build("prod",
                Map.of("MOBJECT_SYNC_SIMULATOR_ENABLED", "false", "MOBJECT_SYNC_MARKETO_ENDPOINT",
                        "https://123-ABC-456.mktoapi.com/soap/mktows/2_3")));
        assertTrue(refused.getMessage().startsWith(
                "mobject-sync.marketo.secret-key and mobject-sync.marketo.user-id still hold the packaged demo"),
                refused.getMessage());
    }

    private static String active(SmallRyeConfig config) {
        return config.getRawValue(SimulatorMode.ACTIVE);
    }

    private static SmallRyeConfig build(String profile, Map<String, String> environment) throws IOException {
        URL packaged = SimulatorSwitchTest.class.getResource("/application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(packaged, 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new SimulatorSwitch()).build();
    }
}
