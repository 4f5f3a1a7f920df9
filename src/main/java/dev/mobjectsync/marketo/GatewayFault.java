package dev.mobjectsync.marketo;

import dev.mobjectsync.model.Stage;

/**
 * A gateway's own reading of a failed call (a REST answer with {@code success:false}, an HTTP status),
 * already classified by the gateway: the seam's {@link FaultClassifier} takes it as it is. Never
 * carries a token or a secret.
 */
public class GatewayFault extends RuntimeException {

    private final MarketoFault fault;

    public GatewayFault(Stage stage, String code, FaultKind kind, String message) {
        super(message, null, false, false);
        this.fault = new MarketoFault(stage, code, message, kind);
    }

    public String code() {
        return fault.code();
    }

    public MarketoFault fault() {
        return fault;
    }
}
