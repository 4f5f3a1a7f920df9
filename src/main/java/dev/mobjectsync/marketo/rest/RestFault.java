package dev.mobjectsync.marketo.rest;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.marketo.GatewayFault;
import dev.mobjectsync.model.Stage;

/**
 * A REST call answered {@code success:false} (HTTP 200): Marketo's first error code and message, or a
 * failure of the REST gateway's own before any call (the identity service refusing the credentials).
 * Classified like a SOAP fault, by code. Never carries a token or a secret.
 */
public class RestFault extends GatewayFault {

    /** The identity service refused the client credentials (HTTP 401). */
    public static final String IDENTITY_REFUSED = "IDENTITY_401";

    public RestFault(String code, String message) {
        super(Stage.MARKETO, code, RestGateway.INSTANCE.kindOf(code), message);
    }

    /** The fault of an answer with {@code success:false}: its first error. */
    static RestFault of(JsonNode answer) {
        JsonNode error = answer.path("errors").path(0);
        String code = error.path("code").asText("");
        return new RestFault(code.isEmpty() ? "REST_ERROR" : code,
                error.path("message").asText("success:false without errors"));
    }

    /** 601 (token invalid) and 602 (token expired): a new token, and the call again. */
    boolean needsNewToken() {
        return "601".equals(code()) || "602".equals(code());
    }
}
