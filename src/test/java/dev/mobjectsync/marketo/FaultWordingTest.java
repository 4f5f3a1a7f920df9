package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.model.Stage;

class FaultWordingTest {

    @Test
    void aTransportErrorNamesTheHost() {
        assertEquals("call to mkto.example.com:443 failed: Connection refused", FaultWording.message(
                new MarketoFault(Stage.TRANSPORT, "CONNECTION_REFUSED", "Connection refused", FaultKind.FINAL),
                "mkto.example.com:443"));
    }

    @Test
    void faultsASettingOrTheClockExplainSayWhichToCheck() {
        String denied = FaultWording.message(new MarketoFault(Stage.MARKETO, "20014", "Authentication failed (20014)",
                FaultKind.FINAL), "h:1");
        String expired = FaultWording.message(new MarketoFault(Stage.MARKETO, "20016", "Request expired",
                FaultKind.FINAL), "h:1");
        String rest = FaultWording.message(new MarketoFault(Stage.MARKETO, "IDENTITY_401", "refused", FaultKind.FINAL),
                "h:1");

        assertTrue(denied.startsWith("Authentication failed (20014) (") && denied.contains(
                "mobject-sync.marketo.user-id")
                && denied.contains("mobject-sync.marketo.secret-key"), denied);
        assertTrue(expired.contains("clock"), expired);
        assertTrue(rest.contains("mobject-sync.marketo.rest.client-secret"), rest);
        assertEquals("Rate limit", FaultWording.message(new MarketoFault(Stage.MARKETO, "20023", "Rate limit",
                FaultKind.FINAL), "h:1"));
    }

    @Test
    void refusedCredentialsCountAsAuthenticationFaults() {
        assertTrue(FaultWording.isAuthentication(new MarketoFault(Stage.MARKETO, "20014", "x", FaultKind.FINAL)));
        assertTrue(FaultWording.isAuthentication(new MarketoFault(Stage.MARKETO, "IDENTITY_401", "x",
                FaultKind.FINAL)));
        assertFalse(FaultWording.isAuthentication(new MarketoFault(Stage.MARKETO, "20023", "x", FaultKind.FINAL)));
        assertFalse(FaultWording.isAuthentication(new MarketoFault(Stage.TRANSPORT, "HTTP_503", "x", FaultKind.FINAL)));
    }
}
