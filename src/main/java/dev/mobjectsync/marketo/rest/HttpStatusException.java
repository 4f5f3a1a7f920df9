package dev.mobjectsync.marketo.rest;

/** A REST answer with an HTTP status other than 200 (413, 414, a proxy's 5xx): classified {@code HTTP_<status>}. */
public class HttpStatusException extends RuntimeException {

    private final int status;

    public HttpStatusException(int status) {
        super("HTTP " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
