package dev.mobjectsync.marketo;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;

import dev.mobjectsync.Headers;
import dev.mobjectsync.model.Batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where each call to Marketo is now, with the records it carries, for the status page: on the wire, waiting
 * for its retry, waiting for a place in the rate window, or held for Marketo's daily quota. A sender that
 * waits for a place before it has picked its records counts as a call of no records (its records are still
 * in the sending stage).
 */
@ApplicationScoped
public class CallWaits {

    public enum Place {
        IN_FLIGHT,
        RETRY,
        RATE_WINDOW,
        DAILY_QUOTA
    }

    /** What the calls in one place amount to: how many, their records, and the latest end of their wait. */
    public record Summary(int calls, int records, Instant until) {
    }

    private record Entry(Place place, int records, Instant until) {
    }

    private final Map<String, Entry> calls = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public CallWaits(Clock clock) {
        this.clock = clock;
    }

    public void calling(Exchange exchange) {
        calls.put(exchange.getExchangeId(), new Entry(Place.IN_FLIGHT, records(exchange), null));
    }

    public void retrying(Exchange exchange, long delayMillis) {
        calls.put(exchange.getExchangeId(), new Entry(Place.RETRY, records(exchange), clock.instant().plusMillis(
                delayMillis)));
    }

    void pacing(Exchange exchange, Place place, Instant until) {
        calls.put(exchange.getExchangeId(), new Entry(place, records(exchange), until));
    }

    public void ended(Exchange exchange) {
        calls.remove(exchange.getExchangeId());
    }

    public Map<Place, Summary> now() {
        Map<Place, Summary> summary = new EnumMap<>(Place.class);
        for (Place place : Place.values()) {
            summary.put(place, new Summary(0, 0, null));
        }
        for (Entry entry : calls.values()) {
            Summary sum = summary.get(entry.place());
            Instant until = sum.until() == null || (entry.until() != null && entry.until().isAfter(sum.until()))
                    ? entry.until() : sum.until();
            summary.put(entry.place(), new Summary(sum.calls() + 1, sum.records() + entry.records(), until));
        }
        return summary;
    }

    private static int records(Exchange exchange) {
        Batch batch = exchange.getProperty(Headers.BATCH, Batch.class);
        return batch == null ? 0 : batch.size();
    }
}
