package dev.mobjectsync.ops;

import java.util.concurrent.TimeUnit;

import dev.mobjectsync.marketo.CallPacer;
import dev.mobjectsync.marketo.SharedQuota;
import dev.mobjectsync.sending.SendingStage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gauges of {@code /q/metrics}: calls in flight, quota used in the window and today (of all replicas
 * when they share the quota, and this replica's part), records waiting, and what taking a place in the
 * shared quota costs.
 */
@ApplicationScoped
public class SyncGauges {

    void bind(@Observes StartupEvent start, MeterRegistry registry, CallPacer pacer, WaitingRecords waiting,
            SendingStage stage, SharedQuota shared) {
        Gauge.builder("mobject.sync.marketo.calls.in.flight", pacer, CallPacer::callsInFlight)
                .description("calls to Marketo in flight").register(registry);
        Gauge.builder("mobject.sync.marketo.calls.in.flight.limit", pacer, CallPacer::maxConcurrentCalls)
                .description("limits.max-concurrent-calls").register(registry);
        Gauge.builder("mobject.sync.quota.window.used", pacer, CallPacer::callsInWindow)
                .description("calls counted in the current rate-limit window").register(registry);
        Gauge.builder("mobject.sync.quota.window.limit", pacer, CallPacer::callsPerWindow)
                .description("limits.calls-per-window").register(registry);
        Gauge.builder("mobject.sync.quota.day.used", pacer, CallPacer::callsToday)
                .description("calls made since midnight America/Chicago").register(registry);
        Gauge.builder("mobject.sync.quota.day.limit", pacer, CallPacer::dailyBudget)
                .description("limits.daily-budget").register(registry);
        Gauge.builder("mobject.sync.replica.calls.in.flight", pacer, CallPacer::replicaCallsInFlight)
                .description("this replica's calls to Marketo in flight").register(registry);
        Gauge.builder("mobject.sync.replica.quota.window.used", pacer, CallPacer::replicaCallsInWindow)
                .description("this replica's calls counted in the current rate-limit window").register(registry);
        Gauge.builder("mobject.sync.replica.quota.day.used", pacer, CallPacer::replicaCallsToday)
                .description("calls this replica made since midnight America/Chicago").register(registry);
        if (shared.active()) {
            FunctionTimer.builder("mobject.sync.quota.ledger", shared, SharedQuota::placesTaken,
                    SharedQuota::secondsInLedger, TimeUnit.SECONDS)
                    .description(
                            "places taken in the replicas' shared quota, and the time spent in its database transactions")
                    .register(registry);
            FunctionCounter.builder("mobject.sync.quota.ledger.transactions", shared, SharedQuota::transactions)
                    .description("the shared quota's database transactions: tries, ends, places given back")
                    .register(registry);
        }
        Gauge.builder("mobject.sync.repository.records.waiting", waiting, WaitingRecords::count)
                .description("records in open chunks of the batch repository").register(registry);
        Gauge.builder("mobject.sync.sending.records.waiting", stage, SendingStage::recordsWaiting)
                .description(
                        "records the sending stage holds outside a call: behind an earlier record of their object, or ready")
                .register(registry);
        Gauge.builder("mobject.sync.sending.records.held", stage, SendingStage::recordsHeld)
                .description("records the sending stage holds, in a call or not (sources wait at batch.max-waiting)")
                .register(registry);
    }
}
