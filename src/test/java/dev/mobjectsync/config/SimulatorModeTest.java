package dev.mobjectsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** When the embedded simulator runs, and which configurations refuse to start. */
class SimulatorModeTest {

    private static final int PORT = 8080;
    private static final String REAL_SOAP = "https://123-ABC-456.mktoapi.com/soap/mktows/2_3";
    private static final String REAL_REST = "https://123-ABC-456.mktorest.com";

    /** The packaged defaults as Quarkus resolves them on port 8080. */
    private static Map<String, String> packaged() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key,
                properties.getProperty(key).replace("${quarkus.http.port}", String.valueOf(PORT))));
        return values;
    }

    private static Map<String, String> ownCredentials(Map<String, String> values) {
        values.put("mobject-sync.marketo.user-id", "acme_integration_1");
        values.put("mobject-sync.marketo.secret-key", "acme-secret");
        values.put("mobject-sync.marketo.rest.client-id", "acme-client");
        values.put("mobject-sync.marketo.rest.client-secret", "acme-client-secret");
        return values;
    }

    private static boolean active(Map<String, String> values) {
        return SimulatorMode.active(values::get, PORT);
    }

    @Test
    void autoRunsTheSimulatorWithThePackagedDefaults() throws IOException {
        Map<String, String> values = packaged();
        assertEquals("auto", values.get(SimulatorMode.ENABLED));
        assertTrue(active(values));
    }

    @Test
    void autoRunsItWhenTheDefaultsAreStillUnresolvedExpressions() {
        assertTrue(SimulatorMode.own("http://127.0.0.1:${quarkus.http.test-port}/identity", PORT));
        assertTrue(SimulatorMode.own("http://localhost:8080/soap/mktows/2_3", PORT));
    }

    @Test
    void autoStopsTheSimulatorOnceAnyEndpointIsConfigured() throws IOException {
        Map<String, String> soap = ownCredentials(packaged());
        soap.put("mobject-sync.marketo.endpoint", REAL_SOAP);
        assertFalse(active(soap));

        Map<String, String> rest = ownCredentials(packaged());
        rest.put("mobject-sync.marketo.rest.base-url", REAL_REST);
        assertFalse(active(rest));

        Map<String, String> otherPort = ownCredentials(packaged());
        otherPort.put("mobject-sync.marketo.endpoint", "http://127.0.0.1:9090/soap/mktows/2_3");
        assertFalse(active(otherPort), "another process on this host is not this application");
    }

    @Test
    void trueAndFalseAreObeyedWhereAllowedInAnyCase() throws IOException {
        Map<String, String> values = packaged();
        values.put(SimulatorMode.ENABLED, "FALSE");
        assertFalse(active(values));
        values.put(SimulatorMode.ENABLED, " True ");
        assertTrue(active(values));
        Map<String, String> real = ownCredentials(packaged());
        real.put("mobject-sync.marketo.endpoint", REAL_SOAP);
        real.put(SimulatorMode.ENABLED, "false");
        assertFalse(active(real));
    }

    @Test
    void anyOtherModeIsRefusedNamingTheKey() throws IOException {
        Map<String, String> values = packaged();
        values.put(SimulatorMode.ENABLED, "yes");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> active(values));
        assertEquals("mobject-sync.simulator.enabled is 'yes'; must be auto, true or false", refused.getMessage());
    }

    @Test
    void theSimulatorNextToARealEndpointIsRefused() throws IOException {
        Map<String, String> values = ownCredentials(packaged());
        values.put(SimulatorMode.ENABLED, "true");
        values.put("mobject-sync.marketo.rest.identity-url", REAL_REST + "/identity");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> active(values));
        assertTrue(refused.getMessage().startsWith("mobject-sync.simulator.enabled=true next to a Marketo endpoint "
                + "that is not this application's (mobject-sync.marketo.rest.identity-url)"), refused.getMessage());
    }

    @Test
    void theDemoCredentialsNextToARealEndpointAreRefusedWithoutTheirValues() throws IOException {
        Map<String, String> soap = packaged();
        soap.put(SimulatorMode.ENABLED, "false");
        soap.put("mobject-sync.marketo.endpoint", REAL_SOAP);
        soap.put("mobject-sync.marketo.user-id", "acme_integration_1");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> active(soap));
        assertTrue(refused.getMessage().startsWith("mobject-sync.marketo.secret-key still hold the packaged demo"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("mobject-sync.marketo.endpoint"));
        assertFalse(refused.getMessage().contains("demo-only-secret-do-not-use"));

        Map<String, String> rest = ownCredentials(packaged());
        rest.put("mobject-sync.marketo.rest.base-url", REAL_REST);
        rest.put("mobject-sync.marketo.rest.client-secret", packaged().get("mobject-sync.marketo.rest.client-secret"));
        refused = assertThrows(IllegalArgumentException.class, () -> active(rest));
        assertTrue(refused.getMessage().startsWith("mobject-sync.marketo.rest.client-secret still hold"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("demo-only-client-secret-do-not-use"));
    }

    @Test
    void theDemoCredentialsAreThePackagedOnes() throws IOException {
        Map<String, String> values = packaged();
        DemoCredentials.SOAP.forEach((key, value) -> assertEquals(values.get(key), value, key));
        DemoCredentials.REST.forEach((key, value) -> assertEquals(values.get(key), value, key));
    }
}
