package dev.mobjectsync.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The write calls in flight: how many of them touch each object key, and how many calls arrived while
 * another call in flight touched one of their objects. Thread-safe (its own lock).
 */
final class FlightBoard {

    private final Map<String, Integer> touchedInFlight = new HashMap<>();
    private long overlappingCalls;

    synchronized InFlight enter(Set<String> keys, int firstNewId) {
        boolean overlapping = keys.stream().anyMatch(touchedInFlight::containsKey);
        if (overlapping) {
            overlappingCalls++;
        }
        keys.forEach(key -> touchedInFlight.merge(key, 1, Integer::sum));
        return new InFlight(this, keys, overlapping, firstNewId);
    }

    synchronized void leave(Set<String> keys) {
        for (String key : keys) {
            touchedInFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    synchronized long overlappingCalls() {
        return overlappingCalls;
    }
}
