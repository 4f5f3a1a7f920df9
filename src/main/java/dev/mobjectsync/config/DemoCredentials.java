package dev.mobjectsync.config;

import java.util.Map;

/**
 * The demo-only credentials packaged in application.properties: the embedded simulator accepts them, Marketo
 * does not. Next to a real endpoint they are a mistake ({@link SimulatorMode} refuses to start).
 */
final class DemoCredentials {

    static final Map<String, String> SOAP = Map.of(
            "mobject-sync.marketo.user-id", "demo_mobject_sync_1",
            "mobject-sync.marketo.secret-key", "demo-only-secret-do-not-use");

    static final Map<String, String> REST = Map.of(
            "mobject-sync.marketo.rest.client-id", "demo-mobject-sync-client",
            "mobject-sync.marketo.rest.client-secret", "demo-only-client-secret-do-not-use");

    private DemoCredentials() {
    }
}
