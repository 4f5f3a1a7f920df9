package dev.mobjectsync.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.mobjectsync.marketo.CallPacer;
import dev.mobjectsync.marketo.CallWaits;
import dev.mobjectsync.marketo.MarketoTarget;
import dev.mobjectsync.model.Channels;
import dev.mobjectsync.record.FilesInProgress;
import dev.mobjectsync.sending.SendingStage;
import dev.mobjectsync.source.IgnoredInboxFiles;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the status page shows, as one JSON-ready map: where calls go (gateway, endpoint, the simulator), the
 * state and its reason ({@link SyncState}), the records by place, totals since start (records in by source,
 * out by channel), batch fill, calls and quota, files being read, files ignored in the inbox, the latest dead
 * letters. The page works out records per second from two reports.
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
    private final MarketoTarget target;
    private final CallWaits callWaits;
    private final SendingStage stage;
    private final IgnoredInboxFiles ignoredFiles;
    private final SimulatorStatus simulator;

    public StatusReport(MeterRegistry registry, CallPacer pacer, WaitingRecords waiting, FilesInProgress files,
            RecentDeadLetters deadLetters, CallHistory calls, Clock clock, MarketoTarget target, CallWaits callWaits,
            SendingStage stage, IgnoredInboxFiles ignoredFiles, SimulatorStatus simulator) {
        this.registry = registry;
        this.pacer = pacer;
        this.waiting = waiting;
        this.files = files;
        this.deadLetters = deadLetters;
        this.calls = calls;
        this.clock = clock;
        this.target = target;
        this.callWaits = callWaits;
        this.stage = stage;
        this.ignoredFiles = ignoredFiles;
        this.simulator = simulator;
    }

    public Map<String, Object> now() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("time", clock.millis());
        report.put("gateway", target.gateway());
        report.put("endpoint", target.endpoint().toString());
        report.put("simulator", simulator.now());
        Map<String, Long> in = countsBy(SyncMetrics.RECORDS_IN, "source");
        report.put("recordsIn", in);
        Map<String, Long> out = countsBy(SyncMetrics.RECORDS_OUT, "channel");
        long success = out.getOrDefault(Channels.SUCCESS, 0L);
        long deadLetter = out.getOrDefault(Channels.DEAD_LETTER, 0L);
        report.put("success", success);
        report.put("deadLetter", deadLetter);
        long openChunks = waiting.count();
        report.put("waiting", openChunks);
        Map<CallWaits.Place, CallWaits.Summary> waits = callWaits.now();
        CallHistory.Latest latest = calls.latest();
        RecordPlaces places = RecordPlaces.of(in.values().stream().mapToLong(Long::longValue).sum(), openChunks,
                stage.recordsWaiting(), stage.recordsHeld(), waits, success + deadLetter);
        report.put("places", places);
        report.put("state", SyncState.of(latest, waits, pacer, target, places));
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
        Instant heldUntil = pacer.quotaHeldUntil();
        report.put("quotaHeldUntil", heldUntil == null ? null : heldUntil.toString());
        // the figures above are the group's when the replicas share the quota; this replica's part:
        report.put("quotaShared", pacer.quotaShared());
        report.put("replica", Map.of("inFlight", pacer.replicaCallsInFlight(), "quotaWindowUsed",
                pacer.replicaCallsInWindow(), "quotaDayUsed", pacer.replicaCallsToday()));
        Map<String, Object> latestCall = null;
        if (latest != null) {
            latestCall = new LinkedHashMap<>();
            latestCall.put("endedAt", latest.endedAt().toString());
            latestCall.put("answered", latest.answered());
            latestCall.put("unansweredInARow", latest.unansweredInARow());
            latestCall.put("code", latest.fault() == null ? null : latest.fault().code());
        }
        report.put("latestCall", latestCall);
        report.put("files", files.now());
        report.put("ignoredFiles", ignoredFiles.now());
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
