package dev.mobjectsync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Whether the embedded Marketo simulator runs, from {@code mobject-sync.simulator.enabled} ({@code auto},
 * {@code true}, {@code false}) and the Marketo endpoints: {@code auto} runs it only while every endpoint is
 * this application's own (a loopback address on its own HTTP port, as the packaged defaults are). Refuses,
 * with a message naming the keys (never a credential's value), a simulator next to a real endpoint and the
 * demo credentials next to a real endpoint.
 */
public final class SimulatorMode {

    public static final String ENABLED = "mobject-sync.simulator.enabled";
    public static final String ACTIVE = "mobject-sync.simulator.active";
    static final String SOAP_ENDPOINT = "mobject-sync.marketo.endpoint";
    static final List<String> REST_URLS = List.of("mobject-sync.marketo.rest.identity-url",
            "mobject-sync.marketo.rest.base-url");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private SimulatorMode() {
    }

    /**
     * Decides from the configuration values ({@code values} answers null for an unset key); {@code ownPort} is
     * the port this application serves HTTP on.
     *
     * @throws IllegalArgumentException naming the keys, when the combination must not start
     */
    public static boolean active(UnaryOperator<String> values, int ownPort) {
        String enabled = values.apply(ENABLED);
        String mode = enabled == null ? "auto" : enabled.strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "true", "false").contains(mode)) {
            throw new IllegalArgumentException(ENABLED + " is '" + enabled + "'; must be auto, true or false");
        }
        Set<String> real = new TreeSet<>();
        if (!own(values.apply(SOAP_ENDPOINT), ownPort)) {
            real.add(SOAP_ENDPOINT);
            refuseDemo(values, DemoCredentials.SOAP, SOAP_ENDPOINT,
                    "MOBJECT_SYNC_MARKETO_USER_ID and MOBJECT_SYNC_MARKETO_SECRET_KEY");
        }
        for (String url : REST_URLS) {
            if (!own(values.apply(url), ownPort)) {
                real.add(url);
                refuseDemo(values, DemoCredentials.REST, url,
                        "MOBJECT_SYNC_MARKETO_REST_CLIENT_ID and MOBJECT_SYNC_MARKETO_REST_CLIENT_SECRET");
            }
        }
        if (mode.equals("true") && !real.isEmpty()) {
            throw new IllegalArgumentException(ENABLED
                    + "=true next to a Marketo endpoint that is not this application's ("
                    + String.join(", ", real) + "): the simulator is a sandbox and never stands in for Marketo. Set "
                    + ENABLED + "=auto (or false) to send to that endpoint, or leave " + String.join(", ", real)
                    + " at the packaged default to try the simulator");
        }
        return mode.equals("true") || mode.equals("auto") && real.isEmpty();
    }

    private static void refuseDemo(UnaryOperator<String> values, Map<String, String> demo, String endpoint,
            String variables) {
        Set<String> used = new TreeSet<>();
        demo.forEach((key, value) -> {
            if (value.equals(values.apply(key))) {
                used.add(key);
            }
        });
        if (!used.isEmpty()) {
            throw new IllegalArgumentException(String.join(" and ", used)
                    + " still hold the packaged demo credentials, "
                    + "which only the embedded simulator accepts, while " + endpoint
                    + " names a real Marketo endpoint: set your own, e.g. through " + variables);
        }
    }

    /** A loopback URL on this application's own port, or the packaged default not yet resolved. */
    static boolean own(String url, int ownPort) {
        if (url == null || url.isBlank() || url.contains("${quarkus.http.")) {
            return true;
        }
        try {
            URI uri = new URI(url.strip());
            return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))
                    && uri.getPort() == ownPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
