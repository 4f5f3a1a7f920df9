package dev.mobjectsync.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mobjectsync.model.Channels;
import dev.mobjectsync.model.RecordOutcome;
import dev.mobjectsync.model.SyncCounters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The pipeline's counters, served in Prometheus format at {@code /q/metrics} (docs/operations.md lists
 * them): records in by source, records out by channel and status, records per call (batch fill), call
 * latency and retries by fault code. The gauges (calls in flight, quota, records waiting) are bound by
 * {@link SyncGauges}.
 */
@ApplicationScoped
@Named("syncMetrics")
public class SyncMetrics implements SyncCounters {

    static final String RECORDS_IN = "mobject.sync.records.in";
    static final String RECORDS_OUT = "mobject.sync.records.out";
    static final String BATCH_RECORDS = "mobject.sync.batch.records";
    static final String CALLS = "mobject.sync.marketo.calls";
    static final String RETRIES = "mobject.sync.marketo.retries";

    private final MeterRegistry registry;
    private final RecentDeadLetters recentDeadLetters;
    private final DistributionSummary batchRecords;
    /** Counters by source, and by (channel, status): found once, not looked up again per record. */
    private final Map<String, Counter> recordsIn = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> recordsOut = new ConcurrentHashMap<>();

    @Inject
    public SyncMetrics(MeterRegistry registry, RecentDeadLetters recentDeadLetters) {
        this.registry = registry;
        this.recentDeadLetters = recentDeadLetters;
        this.batchRecords = DistributionSummary.builder(BATCH_RECORDS)
                .description("records per batch sent to Marketo (batch fill)")
                .serviceLevelObjectives(1, 10, 25, 50, 75, 90, 99, 100, 150, 200, 250, 299, 300)
                .register(registry);
    }

    /** Counters that go nowhere: for units built outside CDI (tests). */
    public static SyncMetrics detached() {
        return new SyncMetrics(new SimpleMeterRegistry(), new RecentDeadLetters());
    }

    /** An item entered from a source ({@code file}, {@code kafka}, {@code jms}). */
    @Override
    public void recordIn(String source) {
        recordsIn.computeIfAbsent(source, s -> Counter.builder(RECORDS_IN).description("items read from a source")
                .tag("source", s).register(registry)).increment();
    }

    /** Outcomes written to their channel: counted by channel and status, dead letters remembered. */
    public void written(List<RecordOutcome> outcomes) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (RecordOutcome outcome : outcomes) {
            String channel = outcome.isSuccess() ? Channels.SUCCESS : Channels.DEAD_LETTER;
            String status = outcome.isSuccess() ? outcome.success().status() : outcome.failure().code();
            counts.merge(List.of(channel, status == null ? "UNKNOWN" : status), 1, Integer::sum);
            if (!outcome.isSuccess()) {
                recentDeadLetters.add(outcome);
            }
        }
        counts.forEach((key, count) -> recordsOut.computeIfAbsent(key, k -> Counter.builder(RECORDS_OUT)
                .description("records written to a channel").tag("channel", k.get(0)).tag("status", k.get(1))
                .register(registry)).increment(count));
    }

    /** A batch about to be sent to Marketo. */
    public void batchSent(int records) {
        batchRecords.record(records);
    }

    /** One call to Marketo ended, answered ({@code ok}) or not ({@code failed}). */
    public void callEnded(Duration took, boolean answered) {
        Timer.builder(CALLS).description("calls to Marketo, from request to answer")
                .tag("outcome", answered ? "ok" : "failed").register(registry).record(took);
    }

    /** A failed call is tried again; {@code code} is Marketo's fault code or the transport failure's. */
    @Override
    public void retried(String code) {
        Counter.builder(RETRIES).description("calls tried again, by fault code").tag("code", code)
                .register(registry).increment();
    }

    MeterRegistry registry() {
        return registry;
    }
}
