package dev.mobjectsync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Time a JVM's JIT compilers have spent compiling so far: HotSpot's {@code sun.ci.standardTime} and
 * {@code sun.ci.osrTime} counters, read with {@code jcmd <pid> PerfCounter.print} (for this JVM, its
 * CompilationMXBean). It is the elapsed time of each compilation, so a loaded machine inflates it; it shows how
 * much of a run's CPU the JIT may have taken, which a short run pays more of than a long-running service does.
 */
final class JitTime {

    private JitTime() {
    }

    /** Nanoseconds of compilation in process {@code pid} so far; -1 when the JVM does not say. */
    static long of(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "PerfCounter.print").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            return -1;
        }
        long standard = counter(out, "sun.ci.standardTime");
        long osr = counter(out, "sun.ci.osrTime");
        long frequency = counter(out, "sun.os.hrt.frequency");
        return standard < 0 || osr < 0 || frequency <= 0 ? -1 : (long) ((standard + osr) * 1e9 / frequency);
    }

    /** Nanoseconds of compilation in this JVM so far (where the raw client loop runs). */
    static long ofThisJvm() {
        return TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }

    private static long counter(String perfCounters, String name) {
        return perfCounters.lines().filter(line -> line.startsWith(name + "="))
                .mapToLong(line -> Long.parseLong(line.substring(name.length() + 1).strip())).findFirst().orElse(-1);
    }
}
