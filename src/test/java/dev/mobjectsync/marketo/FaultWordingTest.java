package dev.mobjectsync.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.outcome.Stage;

class FaultWordingTest {

    @Test
    void aTransportErrorNamesTheHost() {
        assertEquals("call to mkto.example.com:443 failed: Connection refused", FaultWording.message(
                new MarketoFault(Stage.TRANSPORT, "CONNECTION_REFUSED", "Connection refused"), "mkto.example.com:443"));
    }

    @Test
    void faultsASettingOrTheClockExplainSayWhichToCheck() {
        String denied = FaultWording.message(new MarketoFault(Stage.MARKETO, "20014", "Authentication failed (20014)"), "h:1");
        String expired = FaultWording.message(new MarketoFault(Stage.MARKETO, "20016", "Request expired"), "h:1");
        String rest = FaultWording.message(new MarketoFault(Stage.MARKETO, "IDENTITY_401", "refused"), "h:1");

        assertTrue(denied.startsWith("Authentication failed (20014) (") && denied.contains("mobject-sync.marketo.user-id")
                && denied.contains("mobject-sync.marketo.secret-key"), denied);
        assertTrue(expired.contains("clock"), expired);
        assertTrue(rest.contains("mobject-sync.marketo.rest.client-secret"), rest);
        assertEquals("Rate limit", FaultWording.message(new MarketoFault(Stage.MARKETO, "20023", "Rate limit"), "h:1"));
    }

    @Test
    void refusedCredentialsCountAsAuthenticationFaults() {
        assertTrue(FaultWording.isAuthentication(new MarketoFault(Stage.MARKETO, "20014", "x")));
        assertTrue(FaultWording.isAuthentication(new MarketoFault(Stage.MARKETO, "IDENTITY_401", "x")));
        assertFalse(FaultWording.isAuthentication(new MarketoFault(Stage.MARKETO, "20023", "x")));
        assertFalse(FaultWording.isAuthentication(new MarketoFault(Stage.TRANSPORT, "HTTP_503", "x")));
    }
}
