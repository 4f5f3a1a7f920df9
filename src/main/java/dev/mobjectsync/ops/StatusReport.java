package dev.mobjectsync.ops;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.mobjectsync.Headers;
import dev.mobjectsync.marketo.CallPacer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the status page shows, as one JSON-ready map: totals since start (records in by source, out by
 * channel), batch fill, calls and quota, records waiting, files being read, the latest dead letters.
 * The page works out records per second from two reports.
 */
@ApplicationScoped
public class StatusReport {

    private final MeterRegistry registry;
    private final CallPacer pacer;
    private final WaitingRecords waiting;
    private final FilesInProgress files;
    private final RecentDeadLetters deadLetters;
    private final CallHistory calls;
    private final Clock clock;

    public StatusReport(MeterRegistry registry, CallPacer pacer, WaitingRecords waiting, FilesInProgress files,
            RecentDeadLetters deadLetters, CallHistory calls, Clock clock) {
        this.registry = registry;
        this.pacer = pacer;
        this.waiting = waiting;
        this.files = files;
        this.deadLetters = deadLetters;
        this.calls = calls;
        this.clock = clock;
    }

    public Map<String, Object> now() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("time", clock.millis());
        report.put("recordsIn", countsBy(SyncMetrics.RECORDS_IN, "source"));
        Map<String, Long> out = countsBy(SyncMetrics.RECORDS_OUT, "channel");
        report.put("success", out.getOrDefault(Headers.SUCCESS, 0L));
        report.put("deadLetter", out.getOrDefault(Headers.DEAD_LETTER, 0L));
        report.put("waiting", waiting.count());
        DistributionSummary batches = registry.find(SyncMetrics.BATCH_RECORDS).summary();
        report.put("batches", batches == null ? 0 : batches.count());
        report.put("batchFill", batches == null || batches.count() == 0 ? 0 : batches.mean());
        report.put("calls", callCounts());
        report.put("inFlight", pacer.callsInFlight());
        report.put("maxInFlight", pacer.maxConcurrentCalls());
        report.put("quotaWindowUsed", pacer.callsInWindow());
        report.put("quotaWindowLimit", pacer.callsPerWindow());
        report.put("quotaDayUsed", pacer.callsToday());
        report.put("quotaDayLimit", pacer.dailyBudget());
        report.put("quotaHeldUntil", pacer.quotaHeldUntil() == null ? null : pacer.quotaHeldUntil().toString());
        CallHistory.Latest latest = calls.latest();
        report.put("latestCall", latest == null ? null
                : Map.of("endedAt", latest.endedAt().toString(), "answered", latest.answered(),
                        "unansweredInARow", latest.unansweredInARow()));
        report.put("files", files.now());
        report.put("deadLetters", deadLetters.latest());
        return report;
    }

    private Map<String, Long> countsBy(String name, String tag) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(name).counters()) {
            counts.merge(counter.getId().getTag(tag), (long) counter.count(), Long::sum);
        }
        return counts;
    }

    private Map<String, Long> callCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Timer timer : registry.find(SyncMetrics.CALLS).timers()) {
            counts.merge(timer.getId().getTag("outcome"), timer.count(), Long::sum);
        }
        return counts;
    }
}
