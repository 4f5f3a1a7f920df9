package dev.mobjectsync.marketo.rest;

import dev.mobjectsync.marketo.FaultKind;
import dev.mobjectsync.marketo.GatewayFault;
import dev.mobjectsync.model.Stage;

/** A REST answer with an HTTP status other than 200 (413, 414, a proxy's 5xx): classified {@code HTTP_<status>}. */
public class HttpStatusException extends GatewayFault {

    public HttpStatusException(int status) {
        super(Stage.TRANSPORT, "HTTP_" + status, status >= 500 ? FaultKind.RETRYABLE : FaultKind.FINAL, "HTTP "
                + status);
    }
}
