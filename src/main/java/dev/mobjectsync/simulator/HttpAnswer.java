package dev.mobjectsync.simulator;

/**
 * An answer given over bare HTTP, before the SOAP stack sees the request. {@code {probe}} in the body
 * stands for the URL of the simulator's entity probe ({@link HttpFaultFilter}).
 */
public record HttpAnswer(int status, String contentType, String body) {

    static final String PROBE = "{probe}";

    /** What a load balancer answers during an outage: no SOAP envelope, so no Marketo fault code. */
    public static final HttpAnswer UNAVAILABLE = new HttpAnswer(503, "text/html",
            "<html><body>503 Service Unavailable</body></html>");
}
