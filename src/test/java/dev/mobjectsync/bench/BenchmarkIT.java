package dev.mobjectsync.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mobjectsync.AppProcess;
import dev.mobjectsync.config.MarketoApi;
import dev.mobjectsync.scale.ReplicaGroup;

/**
 * The benchmark harness (issue "Benchmarks"): the packaged application and the simulator as separate
 * processes, measured side by side in one run, written to {@code target/bench/results.json} and, in
 * full mode, to the results section of BENCHMARKS.md. Full: {@code mvn -Pbench verify}; every
 * {@code mvn verify} runs it in smoke mode (small numbers, seconds) so it cannot rot.
 * Throughput, records per call and the ceiling are measured for both gateways (REST's keys prefixed
 * {@code rest_}). No figure is asserted: the machine is shared and noisy; the report compares figures
 * of one run. {@code -Dbench.runs=replicas} (a comma-separated selection of unlimited, ceiling, ordered, bigfile,
 * replicas) runs only those: results.json, not BENCHMARKS.md.
 */
class BenchmarkIT {

    static final String USER_ID = "bench_user";
    static final String SECRET = "bench-secret-key";
    private static final String ALL_RUNS = "unlimited,ceiling,ordered,bigfile,replicas";
    /** The shared ledger's timer (issue 13): time in the ledger's database transactions, per place taken. */
    private static final String LEDGER_TIMER = "mobject_sync_quota_ledger_seconds";
    private static final String LEDGER_TRANSACTIONS = "mobject_sync_quota_ledger_transactions_total";

    private final Scale scale = Scale.fromSystemProperty();
    private final Path root = Path.of("target/bench");
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Set<String> runs = Set.of(System.getProperty("bench.runs", ALL_RUNS).split(","));

    @Test
    void measure() throws Exception {
        Files.createDirectories(root);
        results.put("mode", scale.mode());
        if (runs.contains("unlimited")) {
            unlimitedRuns();
            assertTrue((double) results.get("pipeline_records_per_s") > 0);
            assertTrue((double) results.get("raw_records_per_s") > 0);
            assertTrue((double) results.get("rest_pipeline_records_per_s") > 0);
            assertTrue((double) results.get("pipeline_cpu_us_per_record") > 0);
            assertTrue((double) results.get("raw_cpu_us_per_record") > 0);
        }
        if (runs.contains("ceiling")) {
            ceilingRun("soap", "", scale.ceilingRecords());
            ceilingRun("rest", "rest_", scale.restCeilingRecords());
        }
        if (runs.contains("ordered")) {
            orderedCeilingRun(scale.ceilingRecords());
            assertEquals(0L, results.get("ordered_overlapping_calls"), "no two calls in flight touched one object");
            assertEquals(0L, results.get("ordered_duplicate_objects"), "no object created twice");
        }
        if (runs.contains("bigfile")) {
            bigFileRun();
            assertEquals(Boolean.TRUE, results.get("big_file_ok"), "the big file went through: " + results);
        }
        if (runs.contains("replicas") && scale.full()) {
            replicasCeilingRun();
        } else if (runs.contains("replicas")) {
            // four JVMs for a minute and more: ReplicasShareQuotaIT runs the same group in every mvn verify
            System.out.println(
                    "benchmark: the replicas run is left out in smoke mode (ReplicasShareQuotaIT covers the group)");
        }
        BenchReport.write(results, scale, root.resolve("results.json"),
                runs.equals(Set.of(ALL_RUNS.split(","))) ? Path.of("BENCHMARKS.md") : null);
    }

    /**
     * Simulator without latency or limits: start-up, a lone record, the pipeline's throughput on each
     * gateway (SOAP's keys bare, REST's prefixed {@code rest_}) and the raw loop's.
     */
    private void unlimitedRuns() throws Exception {
        try (AppProcess simulator = simulator("sim-unlimited", Map.of()).start().awaitReady()) {
            String endpoint = endpoint(simulator);
            throughputRun(simulator, "soap", "");
            throughputRun(simulator, "rest", "rest_");
            int threads = 10;
            RawClientLoop.run(endpoint, USER_ID, SECRET, scale.warmupRecords(), threads);
            long records = scale.pipelineRecords();
            long harnessBefore = CpuTime.ofThisJvm();
            Map<String, Long> harnessJitBefore = JitTime.ofThisJvm();
            long simulatorBefore = CpuTime.of(simulator.pid());
            double raw = RawClientLoop.run(endpoint, USER_ID, SECRET, records, threads);
            // the raw client runs in this JVM, otherwise idle meanwhile: its CPU is the harness process's
            double rawCpu = CpuTime.microsPerRecord(harnessBefore, CpuTime.ofThisJvm(), records);
            results.put("raw_jit_us_per_record",
                    round(CpuTime.microsPerRecord(0, JitTime.between(harnessJitBefore, JitTime.ofThisJvm()), records)));
            results.put("raw_records_per_s", round(raw));
            results.put("raw_threads", threads);
            results.put("pipeline_vs_raw", round((double) results.get("pipeline_records_per_s") / raw));
            results.put("raw_cpu_us_per_record", round(rawCpu));
            results.put("raw_simulator_cpu_us_per_record",
                    round(CpuTime.microsPerRecord(simulatorBefore, CpuTime.of(simulator.pid()), records)));
            results.put("pipeline_cpu_vs_raw", round((double) results.get("pipeline_cpu_us_per_record") / rawCpu));
        }
    }

    /** One pipeline on the given gateway against the unlimited simulator: records/s and records per call. */
    private void throughputRun(AppProcess simulator, String api, String key) throws Exception {
        try (AppProcess app = pipeline("pipeline-unlimited-" + api, simulator, api, Map.of(
                "MOBJECT_SYNC_LIMITS_CALLS_PER_WINDOW", "100000000",
                "MOBJECT_SYNC_LIMITS_DAILY_BUDGET", "100000000")).start().awaitReady()) {
            ChannelCounter success = new ChannelCounter(app.workDir(), "success");
            if (key.isEmpty()) {
                results.put("startup_ms", (System.nanoTime() - app.startedAtNanos()) / 1_000_000);
            }
            // Warm-up (JIT of both processes), as any long-running service is; then the app is left idle.
            RecordFiles.drop(inbox(app), "warmup.ndjson", "warmup-", 0, scale.warmupRecords());
            awaitCount(success, scale.warmupRecords(), Duration.ofMinutes(5));
            Thread.sleep(2_000);
            long warm = success.count();

            long dropped = System.nanoTime();
            RecordFiles.drop(inbox(app), "lone.ndjson", "lone-", 0, 1);
            awaitCount(success, warm + 1, Duration.ofSeconds(30));
            results.put(key + "lone_record_latency_ms", (System.nanoTime() - dropped) / 1_000_000);

            SimulatorStats before = SimulatorStats.read(simulator.port());
            long records = scale.pipelineRecords();
            PipelineProfiler.start(app.pid());
            Map<String, Long> appJitBefore = JitTime.of(app.pid());
            long appCpuBefore = CpuTime.of(app.pid());
            long simulatorCpuBefore = CpuTime.of(simulator.pid());
            long start = System.nanoTime();
            int files = 10;
            for (int f = 0; f < files; f++) {
                RecordFiles.drop(inbox(app), "load-" + f + ".ndjson", "load-", f * (records / files), records / files);
            }
            awaitCount(success, warm + 1 + records, Duration.ofMinutes(20));
            double seconds = (System.nanoTime() - start) / 1e9;
            // CPU of each process over the run (the application's from the first drop to the last success line)
            results.put(key + "pipeline_cpu_us_per_record",
                    round(CpuTime.microsPerRecord(appCpuBefore, CpuTime.of(app.pid()), records)));
            PipelineProfiler.stop(app.pid(), app.workDir().resolve("pipeline-profile.collapsed"));
            Map<String, Long> appJitAfter = JitTime.of(app.pid());
            if (appJitBefore != null && appJitAfter != null) {
                // how much of the application's CPU was its JIT compilers', still at work after the warm-up
                results.put(key + "pipeline_jit_us_per_record",
                        round(CpuTime.microsPerRecord(0, JitTime.between(appJitBefore, appJitAfter), records)));
            }
            results.put(key + "pipeline_simulator_cpu_us_per_record",
                    round(CpuTime.microsPerRecord(simulatorCpuBefore, CpuTime.of(simulator.pid()), records)));
            SimulatorStats after = SimulatorStats.read(simulator.port());
            results.put(key + "pipeline_records_per_s", round(records / seconds));
            long calls = after.answeredCalls() - before.answeredCalls();
            results.put(key + "records_per_call", round((double) (after.objects() - before.objects()) / calls));
            results.put(key + "records_per_call_run", records + " records in " + calls + " calls");
            assertEquals(0, new ChannelCounter(app.workDir(), "dead-letter").count(), "all records valid");
        }
    }

    /**
     * Marketo's limits enforced by the simulator (100 calls/20 s, 10 at once), 300 ms a call: how close
     * the app gets to the gateway's ceiling, 100 calls × batch size per 20 s (SOAP 500 records/s, REST
     * opportunities 1,500).
     */
    private void ceilingRun(String api, String key, long records) throws Exception {
        double ceiling = 100 * MarketoApi.of(api).maxBatch("Opportunity") / 20.0;
        try (AppProcess simulator = simulator("sim-limited-" + api, ReplicaGroup.LIMITED).start().awaitReady();
                AppProcess app = pipeline("pipeline-ceiling-" + api, simulator, api, Map.of()).start().awaitReady()) {
            ChannelCounter success = new ChannelCounter(app.workDir(), "success");
            for (int f = 0; f < 5; f++) {
                RecordFiles.drop(inbox(app), "ceiling-" + f + ".ndjson", "ceiling-", f * (records / 5), records / 5);
            }
            double perSecond = ceilingRecordsPerSecond(success);
            results.put(key + "ceiling_records_per_s", round(perSecond));
            results.put(key + "ceiling_fraction", round(perSecond / ceiling));
            awaitCount(success, records, Duration.ofMinutes(10));
            results.put(key + "limit_faults", SimulatorStats.read(simulator.port()).limitFaults());
        }
    }

    /**
     * The same limited simulator, SOAP, with the ordered workload (RecordFiles#dropOrdered: opportunities, their
     * roles, two rounds of updates of each): how close the app stays to the ceiling while it keeps every
     * object's order, its records per call, and the simulator's count of calls that overlapped on one object
     * and of objects created twice (it may duplicate concurrent upserts of a new key; both must be 0).
     */
    private void orderedCeilingRun(long records) throws Exception {
        Map<String, String> limits = new HashMap<>(ReplicaGroup.LIMITED);
        limits.put("MOBJECT_SYNC_SIMULATOR_FAULTS_DUPLICATE_CONCURRENT_UPSERTS", "true");
        double ceiling = 100 * MarketoApi.SOAP.maxBatch("Opportunity") / 20.0;
        long perFile = records / 4 / 5;
        try (AppProcess simulator = simulator("sim-limited-ordered", limits).start().awaitReady();
                AppProcess app = pipeline("pipeline-ceiling-ordered", simulator, "soap", Map.of()).start()
                        .awaitReady()) {
            ChannelCounter success = new ChannelCounter(app.workDir(), "success");
            for (int f = 0; f < 5; f++) {
                RecordFiles.dropOrdered(inbox(app), "ordered-" + f + ".ndjson", "ordered-", f * perFile, perFile);
            }
            double perSecond = ceilingRecordsPerSecond(success);
            results.put("ordered_ceiling_records_per_s", round(perSecond));
            results.put("ordered_ceiling_fraction", round(perSecond / ceiling));
            awaitCount(success, perFile * 5 * 4, Duration.ofMinutes(10));
            SimulatorStats stats = SimulatorStats.read(simulator.port());
            results.put("ordered_records_per_call", round((double) stats.objects() / stats.answeredCalls()));
            results.put("ordered_overlapping_calls", stats.raw().path("overlapping").asLong());
            results.put("ordered_duplicate_objects", stats.raw().path("duplicateObjects").asLong());
        }
    }

    /** Records/s into the success channel, from the end of the warm-up over the ceiling run's seconds. */
    private double ceilingRecordsPerSecond(ChannelCounter success) throws Exception {
        awaitCount(success, 1, Duration.ofSeconds(60));
        long first = System.nanoTime();
        sleepUntil(first, scale.ceilingWarmupSeconds());
        long atStart = success.count();
        sleepUntil(first, scale.ceilingWarmupSeconds() + scale.ceilingSeconds());
        return (success.count() - atStart) / (double) scale.ceilingSeconds();
    }

    /**
     * Issue 13: one replica, then two, at the default limits on one scratch PostgreSQL database and the same
     * limited simulator: records/s ÷ 500 of the one alone (the reference), and of the two together (spans of the ceiling run's length, averaged over starts
     * within one window) and the 20023/20024 answered; then a third replica, and the mean time a replica
     * spent in the shared quota ledger's transactions per place ({@value #LEDGER_TIMER}), if it has that timer.
     */
    private void replicasCeilingRun() throws Exception {
        try (ReplicaGroup group = ReplicaGroup.start(workDir("replicas"))) {
            group.add("a");
            // the reference: one replica alone, measured the same way, keeps the same limits by the same rule
            Thread.sleep(scale.ceilingWarmupSeconds() * 1000L);
            ReplicaGroup.Rate alone = group.measure(Duration.ofSeconds(scale.ceilingSeconds()),
                    scale.full() ? ReplicaGroup.WINDOW : Duration.ZERO);
            results.put("replicas_one_ceiling_fraction", round(alone.mean() / ReplicaGroup.CEILING));
            group.add("b");
            Thread.sleep(scale.ceilingWarmupSeconds() * 1000L);
            ReplicaGroup.Rate rate = group.measure(Duration.ofSeconds(scale.ceilingSeconds()),
                    scale.full() ? ReplicaGroup.WINDOW : Duration.ZERO);
            results.put("replicas_ceiling_records_per_s", round(rate.mean()));
            results.put("replicas_ceiling_fraction", round(rate.mean() / ReplicaGroup.CEILING));
            results.put("replicas_limit_faults", group.limitFaults());
            group.add("c");
            Thread.sleep(scale.ceilingSeconds() * 1000L);
            ledgerMsPerPermit(group.replicas().values());
        }
    }

    /** {@value #LEDGER_TIMER}'s sum ÷ count, in ms, averaged over the replicas; skipped, saying why, if absent. */
    private void ledgerMsPerPermit(java.util.Collection<AppProcess> replicas) throws Exception {
        List<Double> perReplica = new ArrayList<>();
        double transactions = 0;
        double seconds = 0;
        double permits = 0;
        for (AppProcess replica : replicas) {
            String metrics = replica.get("/q/metrics");
            double count = metricTotal(metrics, LEDGER_TIMER + "_count");
            if (count > 0) {
                perReplica.add(metricTotal(metrics, LEDGER_TIMER + "_sum") / count * 1000);
                transactions += metricTotal(metrics, LEDGER_TRANSACTIONS);
                seconds += metricTotal(metrics, LEDGER_TIMER + "_sum");
                permits += count;
            }
        }
        if (perReplica.size() < replicas.size()) {
            System.out.printf("benchmark: ledger_ms_per_permit skipped: %d of %d replicas show no %s_sum/_count"
                    + " (or a count of 0) at /q/metrics%n", replicas.size() - perReplica.size(), replicas.size(),
                    LEDGER_TIMER);
            return;
        }
        results.put("ledger_ms_per_permit", round(perReplica.stream().mapToDouble(ms -> ms).average().orElseThrow()));
        // what the time per place is made of: how many transactions, and each one's time (waits for the row lock included)
        results.put("ledger_transactions_per_permit", round(transactions / permits));
        results.put("ledger_ms_per_transaction", round(seconds / transactions * 1000));
    }

    /** A metric's samples summed over its label sets, from Prometheus' text format; 0 when absent. */
    static double metricTotal(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** A 1 M-record file with a 256 MB heap: it must go through, in bounded memory. */
    private void bigFileRun() throws Exception {
        try (AppProcess simulator = simulator("sim-bigfile", Map.of()).start().awaitReady()) {
            AppProcess app = pipeline("pipeline-bigfile", simulator, "soap", Map.of(
                    "MOBJECT_SYNC_LIMITS_CALLS_PER_WINDOW", "100000000",
                    "MOBJECT_SYNC_LIMITS_DAILY_BUDGET", "100000000"));
            Path gcLog = app.workDir().resolve("gc.log").toAbsolutePath();
            try (app) {
                app.jvmOptions(appJvmOptions("-Xmx256m", "-Xlog:gc:file=" + gcLog)).start().awaitReady();
                long records = scale.bigFileRecords();
                long cpuBefore = CpuTime.of(app.pid());
                long start = System.nanoTime();
                RecordFiles.drop(inbox(app), "big.ndjson", "big-", 0, records);
                ChannelCounter success = new ChannelCounter(app.workDir(), "success");
                ChannelCounter deadLetter = new ChannelCounter(app.workDir(), "dead-letter");
                boolean ok;
                try {
                    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
                            .until(() -> !app.isAlive() || success.count() + deadLetter.count() >= records);
                    ok = app.isAlive() && success.count() == records && deadLetter.count() == 0;
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    ok = false;
                }
                results.put("big_file_ok", ok);
                if (app.isAlive()) {
                    // a long run: the JIT's share is small, what is left is the pipeline's own cost per record
                    results.put("big_file_cpu_us_per_record",
                            round(CpuTime.microsPerRecord(cpuBefore, CpuTime.of(app.pid()), records)));
                }
                results.put("big_file_records_per_s", round(records / ((System.nanoTime() - start) / 1e9)));
            }
            results.put("big_file_peak_heap_mb", GcLog.peakHeapMb(gcLog));
            results.put("big_file_records", scale.bigFileRecords());
        }
    }

    private AppProcess simulator(String name, Map<String, String> faults) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(faults);
        env.put("MOBJECT_SYNC_SOURCES_FILE_ENABLED", "false");
        env.put("MOBJECT_SYNC_SIMULATOR_USER_ID", USER_ID);
        env.put("MOBJECT_SYNC_SIMULATOR_SECRET_KEY", SECRET);
        env.put("MOBJECT_SYNC_MARKETO_USER_ID", USER_ID);
        env.put("MOBJECT_SYNC_MARKETO_SECRET_KEY", SECRET);
        // The simulator is the fixture, not the subject: it keeps every object (a million for the big file).
        return new AppProcess(workDir(name), env).jvmOptions(List.of("-Xmx3g"));
    }

    /** The pipeline on the given gateway, talking to the simulator process (SOAP endpoint, or REST identity and base). */
    private AppProcess pipeline(String name, AppProcess simulator, String api, Map<String, String> settings)
            throws IOException {
        Map<String, String> env = new LinkedHashMap<>(settings);
        env.put("MOBJECT_SYNC_SIMULATOR_ENABLED", "false");
        env.put("MOBJECT_SYNC_MARKETO_API", api);
        env.put("MOBJECT_SYNC_MARKETO_ENDPOINT", endpoint(simulator));
        env.put("MOBJECT_SYNC_MARKETO_REST_IDENTITY_URL", "http://127.0.0.1:" + simulator.port() + "/identity");
        env.put("MOBJECT_SYNC_MARKETO_REST_BASE_URL", "http://127.0.0.1:" + simulator.port());
        env.put("MOBJECT_SYNC_MARKETO_USER_ID", USER_ID);
        env.put("MOBJECT_SYNC_MARKETO_SECRET_KEY", SECRET);
        return new AppProcess(workDir(name), env).jvmOptions(appJvmOptions("-Xmx256m"));
    }

    /** The application's JVM options: these, then {@code -Dbench.app-jvm-options} (space-separated) if set. */
    private static List<String> appJvmOptions(String... options) {
        List<String> jvm = new ArrayList<>(List.of(options));
        String extra = System.getProperty("bench.app-jvm-options", "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        return jvm;
    }

    private Path workDir(String name) throws IOException {
        Path dir = root.resolve(scale.mode()).resolve(name);
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                List<Path> all = new ArrayList<>(paths.toList());
                java.util.Collections.reverse(all);
                for (Path p : all) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String endpoint(AppProcess simulator) {
        return "http://127.0.0.1:" + simulator.port() + "/soap/mktows/2_3";
    }

    private static Path inbox(AppProcess app) {
        return app.workDir().resolve("data/inbox");
    }

    private static void awaitCount(ChannelCounter counter, long count, Duration patience) {
        await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> counter.count() >= count);
    }

    private static void sleepUntil(long startNanos, int seconds) throws InterruptedException {
        long wait = startNanos + seconds * 1_000_000_000L - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
