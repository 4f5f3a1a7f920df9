package dev.mobjectsync.ops;

import java.util.Map;

import dev.mobjectsync.marketo.CallWaits;
import dev.mobjectsync.marketo.CallWaits.Place;

/**
 * Where this instance's records are now, for the status page: read from the sources, waiting in batches
 * (open chunks in the repository, and the sending stage's records outside a call), on the wire, waiting for
 * a retry, waiting for a place in the rate window, held for Marketo's daily quota, delivered (success and
 * dead-letter). While calls wait for the window or the quota, so do the records the sending stage holds
 * outside a call (no call starts before them), and they are counted there. Read apart from each other, so
 * the places of records moving meanwhile may be off by a call's worth.
 */
public record RecordPlaces(long read, long inBatches, long inFlight, long waitingForRetry, long waitingForWindow,
        long heldForQuota, long delivered) {

    static RecordPlaces of(long read, long openChunks, int stageWaiting, int stageHeld,
            Map<Place, CallWaits.Summary> waits, long delivered) {
        long retry = waits.get(Place.RETRY).records();
        long window = waits.get(Place.RATE_WINDOW).records();
        long quota = waits.get(Place.DAILY_QUOTA).records();
        long inCalls = Math.max(0, stageHeld - stageWaiting);
        long inFlight = Math.max(0, inCalls - retry - window - quota);
        long outsideCalls = stageWaiting;
        if (sendersWait(waits, Place.DAILY_QUOTA)) {
            quota += outsideCalls;
            outsideCalls = 0;
        } else if (sendersWait(waits, Place.RATE_WINDOW)) {
            window += outsideCalls;
            outsideCalls = 0;
        }
        return new RecordPlaces(read, Math.max(0, openChunks) + outsideCalls, inFlight, retry, window, quota,
                delivered);
    }

    /** Some call (or a sender before it picked its records) waits in this place. */
    private static boolean sendersWait(Map<Place, CallWaits.Summary> waits, Place place) {
        CallWaits.Summary summary = waits.get(place);
        return summary.calls() > 0;
    }
}
