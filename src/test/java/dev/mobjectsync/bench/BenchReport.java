package dev.mobjectsync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes one run's figures: {@code results.json}, and in full mode the table between the results
 * markers of BENCHMARKS.md (the rest of that file, e.g. the optimisation log, is left as it is).
 */
final class BenchReport {

    static final String BEGIN = "<!-- results:begin -->";
    static final String END = "<!-- results:end -->";

    /** key, what it is, goal (as text), and how to judge it. */
    private record Goal(String key, String what, String goal, java.util.function.Predicate<Map<String, Object>> met) {
    }

    private static final List<Goal> GOALS = List.of(
            new Goal("records_per_call", "mean objects per syncMObjects call, pipeline run", "≥ 99.5",
                    r -> number(r, "records_per_call") >= 99.5),
            new Goal("ceiling_fraction", "records/s ÷ 500, simulator at 100 calls/20 s, 10 concurrent, 300 ms",
                    "≥ 0.98", r -> number(r, "ceiling_fraction") >= 0.98),
            new Goal("limit_faults", "20023 + 20024 answered during the ceiling run", "0",
                    r -> number(r, "limit_faults") == 0),
            new Goal("rest_records_per_call", "mean opportunities per REST sync call, pipeline run", "≥ 298.5",
                    r -> number(r, "rest_records_per_call") >= 298.5),
            new Goal("rest_ceiling_fraction", "REST records/s ÷ 1,500 (300 × 100 calls/20 s), same simulator limits",
                    "≥ 0.98", r -> number(r, "rest_ceiling_fraction") >= 0.98),
            new Goal("rest_limit_faults", "606 + 615 answered during the REST ceiling run", "0",
                    r -> number(r, "rest_limit_faults") == 0),
            new Goal("ordered_ceiling_fraction",
                    "records/s ÷ 500, same limits, ordered workload (opportunities, their roles, 2 rounds of updates)",
                    "≥ 0.98", r -> number(r, "ordered_ceiling_fraction") >= 0.98),
            new Goal("ordered_records_per_call", "mean objects per call, ordered workload", "reported", r -> true),
            new Goal("ordered_overlapping_calls", "calls touching an object while another call on it was in flight",
                    "0",
                    r -> number(r, "ordered_overlapping_calls") == 0),
            new Goal("ordered_duplicate_objects",
                    "external keys held by two objects (simulator may duplicate concurrent upserts)", "0",
                    r -> number(r, "ordered_duplicate_objects") == 0),
            new Goal("replicas_ceiling_fraction",
                    "two replicas at the default limits, one PostgreSQL repository: records/s"
                            + " together ÷ 500, same simulator limits", "≥ 0.98", r -> number(r,
                                    "replicas_ceiling_fraction") >= 0.98),
            new Goal("replicas_limit_faults", "20023 + 20024 answered during the replicas run", "0",
                    r -> number(r, "replicas_limit_faults") == 0),
            new Goal("ledger_ms_per_permit",
                    "three replicas: ms in the shared quota ledger's transactions per place, mean of"
                            + " the replicas", "reported", r -> true),
            new Goal("pipeline_records_per_s", "file drop → success channel, simulator without latency or limits",
                    "≥ 20,000", r -> number(r, "pipeline_records_per_s") >= 20_000),
            new Goal("raw_records_per_s",
                    "plain loop over the generated CXF client, 100 objects a call, same simulator",
                    "reference", r -> true),
            new Goal("pipeline_vs_raw", "pipeline ÷ raw, same run", "≥ 0.8", r -> number(r, "pipeline_vs_raw") >= 0.8),
            new Goal("pipeline_cpu_us_per_record",
                    "the application process's CPU (user + system) per record over the pipeline run", "reported",
                    r -> true),
            new Goal("raw_cpu_us_per_record", "the raw client's process CPU per record over the raw run",
                    "reference", r -> true),
            new Goal("pipeline_cpu_vs_raw", "application CPU per record ÷ raw client's, same run", "≤ 1.5",
                    r -> number(r, "pipeline_cpu_vs_raw") <= 1.5),
            new Goal("big_file_ok", "1 M-record NDJSON file with -Xmx256m, every record in a channel", "true",
                    r -> Boolean.TRUE.equals(r.get("big_file_ok"))),
            new Goal("big_file_peak_heap_mb", "most heap in use during the big file (GC log)", "bounded (< 256)",
                    r -> number(r, "big_file_peak_heap_mb") < 256),
            new Goal("lone_record_latency_ms", "one record dropped on an idle app → its success line",
                    "≤ batch.timeout (1,000) + 1 call", r -> number(r, "lone_record_latency_ms") <= 1_100),
            new Goal("startup_ms", "JVM start → ready (/q/health/ready)", "≤ 2,000",
                    r -> number(r, "startup_ms") <= 2_000));

    private BenchReport() {
    }

    /** markdown: null to leave it as it is (a run of a selection of the benchmarks). */
    static void write(Map<String, Object> results, Scale scale, Path json, Path markdown) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(results);
        all.put("machine", machine());
        all.put("measured_at", Instant.now().toString());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(json, mapper.writeValueAsString(all));
        System.out.println("benchmark results (" + scale.mode() + "): " + mapper.writeValueAsString(all));
        if (scale.full() && markdown != null && Files.exists(markdown)) {
            String text = Files.readString(markdown);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin >= 0 && end > begin) {
                Files.writeString(markdown, text.substring(0, begin + BEGIN.length()) + "\n" + table(all) + text
                        .substring(end));
            }
        }
    }

    private static String table(Map<String, Object> results) {
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(results.get("measured_at")).append(" on ").append(results.get("machine"))
                .append(", with `mvn -Pbench verify`.\n\n");
        out.append("| key | what | figure | goal | met |\n| --- | --- | --- | --- | --- |\n");
        for (Goal goal : GOALS) {
            out.append("| `").append(goal.key()).append("` | ").append(goal.what()).append(" | ")
                    .append(results.get(goal.key())).append(" | ").append(goal.goal()).append(" | ")
                    .append(goal.met().test(results) ? "yes" : "**no**").append(" |\n");
        }
        out.append("\nAlso measured: ");
        results.forEach((key, value) -> {
            if (GOALS.stream().noneMatch(g -> g.key().equals(key)) && !key.equals("machine") && !key.equals(
                    "measured_at")) {
                out.append("`").append(key).append("` = ").append(value).append("; ");
            }
        });
        out.append("\n\n");
        return out.toString();
    }

    private static double number(Map<String, Object> results, String key) {
        return results.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() >> 30 : -1;
        return os.getAvailableProcessors() + " cores, " + memory + " GiB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }
}
