package dev.mobjectsync.marketo;

import java.util.Map;
import java.util.Set;

import dev.mobjectsync.model.Stage;

/**
 * A failed call worded by what it means to an operator: a transport error names the host it could not
 * reach; a fault that a setting or the clock explains says which (20014: the user id and secret key; 20016:
 * the clock; REST: the client id and secret). Used for the log line of an attempt and the dead letter.
 */
public final class FaultWording {

    private static final String CHECK_CREDENTIALS = "check mobject-sync.marketo.user-id and mobject-sync.marketo.secret-key";
    private static final String CHECK_REST_CREDENTIALS = "check mobject-sync.marketo.rest.client-id and"
            + " mobject-sync.marketo.rest.client-secret";
    private static final Map<String, String> HINTS = Map.of(
            "20014", "Marketo refused the signature: " + CHECK_CREDENTIALS,
            "20016", "Marketo found the request's timestamp too far from its own time: check this host's clock (NTP)",
            "20013", "Marketo refused access to this user: check its role in Marketo (Admin > Web Services) and "
                    + CHECK_CREDENTIALS,
            "601", "the access token was refused: " + CHECK_REST_CREDENTIALS,
            "602", "the access token expired and a new one was refused: " + CHECK_REST_CREDENTIALS,
            "603", "access denied: check the API user's role (Read-Write Named Opportunity) and "
                    + CHECK_REST_CREDENTIALS,
            "IDENTITY_401", CHECK_REST_CREDENTIALS);

    /** Faults that mean Marketo refuses who we are: the status page turns red. */
    private static final Set<String> AUTHENTICATION = Set.of("20014", "20013", "601", "602", "603",
            "IDENTITY_401");

    private FaultWording() {
    }

    /** The fault's message, with the host for a transport error and a hint where a setting explains it. */
    public static String message(MarketoFault fault, String host) {
        if (fault.stage() == Stage.TRANSPORT) {
            return "call to " + host + " failed: " + fault.message();
        }
        String hint = HINTS.get(fault.code());
        return hint == null ? fault.message() : fault.message() + " (" + hint + ")";
    }

    public static boolean isAuthentication(MarketoFault fault) {
        return fault.stage() == Stage.MARKETO && AUTHENTICATION.contains(fault.code());
    }
}
