package dev.mobjectsync.ops;

import java.time.Instant;
import java.util.Map;

import dev.mobjectsync.marketo.CallPacer;
import dev.mobjectsync.marketo.CallWaits;
import dev.mobjectsync.marketo.CallWaits.Place;
import dev.mobjectsync.marketo.FaultClassifier;
import dev.mobjectsync.marketo.FaultWording;
import dev.mobjectsync.marketo.MarketoTarget;
import dev.mobjectsync.model.Stage;

/**
 * The state the status page shows at its top, with its reason: {@code error} (red) while Marketo is
 * unreachable or refuses who we are, {@code waiting} while calls wait for the rate window or the daily quota,
 * else {@code ok}. {@code until}: when the wait ends, if it is known.
 */
public record SyncState(String level, String reason, Instant until) {

    static SyncState of(CallHistory.Latest latest, Map<Place, CallWaits.Summary> waits, CallPacer pacer,
            MarketoTarget target, RecordPlaces places) {
        if (latest != null && latest.fault() != null) {
            if (latest.fault().stage() == Stage.TRANSPORT && !latest.answered()) {
                String what = FaultClassifier.INVALID_RESPONSE.equals(latest.fault().code())
                        ? "Marketo's answers cannot be read: " : "Marketo unreachable: ";
                return new SyncState("error", what + FaultWording.message(latest.fault(), target.host())
                        + " (" + latest.fault().code() + ", " + latest.unansweredInARow() + " call(s) in a row); "
                        + places.waitingForRetry() + " records wait for a retry", waits.get(Place.RETRY).until());
            }
            if (FaultWording.isAuthentication(latest.fault())) {
                return new SyncState("error", "Marketo refuses authentication (" + latest.fault().code() + "): "
                        + FaultWording.message(latest.fault(), target.host()), null);
            }
        }
        CallWaits.Summary quota = waits.get(Place.DAILY_QUOTA);
        if (quota.calls() > 0 || pacer.quotaHeldUntil() != null) {
            return new SyncState("waiting", "Marketo's daily quota is spent: " + places.heldForQuota()
                    + " records are held until it resets", quota.until() != null ? quota.until() : pacer
                            .quotaHeldUntil());
        }
        CallWaits.Summary window = waits.get(Place.RATE_WINDOW);
        if (window.calls() > 0) {
            return new SyncState("waiting", "waiting for the rate window: " + pacer.callsPerWindow()
                    + " calls per window are used (mobject-sync.limits.calls-per-window); " + places.waitingForWindow()
                    + " records wait", window.until());
        }
        return new SyncState("ok", "running", null);
    }
}
