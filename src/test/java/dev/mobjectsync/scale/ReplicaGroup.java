package dev.mobjectsync.scale;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mobjectsync.AppProcess;
import dev.mobjectsync.bench.RecordFiles;
import dev.mobjectsync.model.Json;

/**
 * Issue 13: replicas of the packaged application (default limits) on one scratch PostgreSQL database and one
 * shared inbox, sending to one simulator process that enforces Marketo's limits ({@link #LIMITED}). A
 * background thread, once a second, keeps the inbox stocked with Opportunity UPSERTs (a few files beyond what
 * the replicas hold, so that none runs dry and the drain at the end is short) and notes how many distinct
 * records reached the replicas' success channels; {@link #measure} turns these samples into records/s.
 */
public final class ReplicaGroup implements AutoCloseable {

    /** Marketo's limits, enforced by the simulator: 100 calls/20 s, 10 at once, 300 ms a call. */
    public static final Map<String, String> LIMITED = Map.of(
            "MOBJECT_SYNC_SIMULATOR_FAULTS_LATENCY", "300ms",
            "MOBJECT_SYNC_SIMULATOR_FAULTS_MAX_CONCURRENT", "10",
            "MOBJECT_SYNC_SIMULATOR_FAULTS_CALLS_PER_WINDOW", "100",
            "MOBJECT_SYNC_SIMULATOR_FAULTS_WINDOW", "20s");
    /** The window of {@link #LIMITED}. */
    public static final Duration WINDOW = Duration.ofSeconds(20);
    /** Records/s {@link #LIMITED} allows with SOAP: 100 calls × 100 records per 20 s. */
    public static final double CEILING = 100 * 100 / 20.0;
    /** repository.takeover-after of the replicas: a killed replica's work is taken over this long after. */
    public static final Duration TAKEOVER_AFTER = Duration.ofSeconds(10);
    /** batch.max-waiting of the replicas (default 10,000), lower to keep the drain at the end short. */
    private static final int MAX_WAITING = 3_000;
    private static final int FILE_RECORDS = 2_000;
    private static final String PREFIX = "rq-";
    private static final Duration SAMPLING = Duration.ofSeconds(1);

    private final Path root;
    private final ScratchDatabase database;
    private final AppProcess simulator;
    private final Path inbox;
    private volatile Map<String, AppProcess> replicas = Map.of();
    private final ChannelIds success = new ChannelIds("success");
    private final ChannelIds deadLetter = new ChannelIds("dead-letter");
    /** {System.nanoTime(), distinct records in the success channels}, once a second. */
    private final List<long[]> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean feeding = true;
    private long dropped;

    /** Records/s averaged over spans starting at each sample of a stretch ({@link #measure}), and their spread. */
    public record Rate(double mean, double min, double max, int spans) {
        @Override
        public String toString() {
            return String.format("%.1f records/s (%d spans: %.1f..%.1f)", mean, spans, min, max);
        }
    }

    private ReplicaGroup(Path root) throws Exception {
        this.root = Files.createDirectories(root);
        this.inbox = Files.createDirectories(root.resolve("shared-inbox"));
        this.database = ScratchDatabase.create();
        Map<String, String> env = new HashMap<>(LIMITED);
        env.put("MOBJECT_SYNC_SOURCES_FILE_ENABLED", "false");
        // the simulator keeps every object it is sent
        this.simulator = new AppProcess(Files.createDirectories(root.resolve("marketo")), env).jvmOptions(List.of(
                "-Xmx1g"));
    }

    /** The database and the limited simulator, ready; no replica yet. */
    public static ReplicaGroup start(Path root) throws Exception {
        ReplicaGroup group = new ReplicaGroup(root);
        group.simulator.start().awaitReady();
        group.sampler.scheduleAtFixedRate(group::sampleAndFeed, 0, SAMPLING.toMillis(), TimeUnit.MILLISECONDS);
        return group;
    }

    /** Starts one more replica and waits until it is ready. */
    public AppProcess add(String name) throws IOException {
        Map<String, String> env = new HashMap<>(database.replicaEnvironment(TAKEOVER_AFTER));
        env.put("MOBJECT_SYNC_SIMULATOR_ENABLED", "false");
        env.put("MOBJECT_SYNC_MARKETO_ENDPOINT", "http://127.0.0.1:" + simulator.port() + "/soap/mktows/2_3");
        env.put("MOBJECT_SYNC_SOURCES_FILE_INBOX", inbox.toAbsolutePath().toString());
        env.put("MOBJECT_SYNC_BATCH_MAX_WAITING", String.valueOf(MAX_WAITING));
        AppProcess replica = new AppProcess(Files.createDirectories(root.resolve(name)), env);
        Map<String, AppProcess> more = new LinkedHashMap<>(replicas);
        more.put(name, replica);
        replicas = more;
        return replica.start().awaitReady();
    }

    /** SIGKILL. */
    public void kill(String name) throws InterruptedException {
        replicas.get(name).kill();
    }

    public Map<String, AppProcess> replicas() {
        return replicas;
    }

    /**
     * Records/s into the success channels (distinct records) over spans of {@code span} starting at each
     * sample from now until {@code startsOver} later (at least one), averaged: the calls go out in bursts (a
     * window's calls, then a wait), so one span's figure depends on where the bursts fall in it; spans
     * starting over one window cancel that out. Waits until the last span ended.
     */
    public Rate measure(Duration span, Duration startsOver) throws InterruptedException {
        long from = System.nanoTime();
        Duration starts = startsOver.compareTo(SAMPLING) < 0 ? SAMPLING : startsOver;
        Thread.sleep(span.plus(starts).plus(SAMPLING).toMillis() + 500);
        List<Double> rates = new ArrayList<>();
        List<long[]> taken = List.copyOf(samples);
        for (int i = 0; i < taken.size(); i++) {
            long start = taken.get(i)[0];
            if (start < from || start > from + starts.toNanos()) {
                continue;
            }
            for (int j = i + 1; j < taken.size(); j++) {
                if (taken.get(j)[0] - start >= span.toNanos()) {
                    rates.add((taken.get(j)[1] - taken.get(i)[1]) * 1e9 / (taken.get(j)[0] - start));
                    break;
                }
            }
        }
        return new Rate(rates.stream().mapToDouble(r -> r).average().orElse(Double.NaN),
                rates.stream().mapToDouble(r -> r).min().orElse(Double.NaN),
                rates.stream().mapToDouble(r -> r).max().orElse(Double.NaN), rates.size());
    }

    /** Calls the simulator refused for Marketo's limits so far: 20023 (rate) + 20024 (concurrency). */
    public long limitFaults() throws IOException, InterruptedException {
        JsonNode faults = Json.MAPPER.readTree(simulator.get("/simulator/calls")).path("faults");
        return faults.path("20023").asLong() + faults.path("20024").asLong();
    }

    /** Stops stocking the inbox, waits until each record dropped reached a channel, then for three quiet seconds. */
    public Deliveries drain(Duration patience) throws IOException {
        feeding = false;
        long all = droppedIds().size();
        await().atMost(patience).pollInterval(Duration.ofSeconds(1))
                .until(() -> success.read(replicas.values()) + deadLetter.read(replicas.values()) >= all);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        return Deliveries.read(replicas);
    }

    public synchronized List<String> droppedIds() {
        return LongStream.range(0, dropped).mapToObj(i -> PREFIX + i).toList();
    }

    private synchronized void sampleAndFeed() {
        try {
            int delivered = success.read(replicas.values());
            samples.add(new long[]{System.nanoTime(), delivered});
            long stock = replicas.size() * (long) MAX_WAITING + 3L * FILE_RECORDS;
            while (feeding && !replicas.isEmpty() && dropped - delivered - deadLetter.read(replicas.values()) < stock) {
                RecordFiles.drop(inbox, PREFIX + dropped + ".ndjson", PREFIX, dropped, FILE_RECORDS);
                dropped += FILE_RECORDS;
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("replicas test: sampling failed once: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        sampler.shutdownNow();
        for (AppProcess replica : replicas.values()) {
            replica.kill(); // the scratch state goes with the database: nothing to keep
        }
        simulator.kill();
        database.close();
    }
}
