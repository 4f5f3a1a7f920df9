package dev.mobjectsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time a JVM's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}) use, as Linux
 * counts it per thread ({@code /proc/<pid>/task/<tid>/stat}, user + system): the part of a process's CPU that is
 * the JIT's, which a short run pays more of than a long-running service does. Compared thread by thread: HotSpot
 * starts and retires compiler threads as the work comes and goes, and a thread retired between two readings
 * takes its count with it, so what it used in between is not counted (a lower bound, never below zero).
 */
final class JitTime {

    /** Linux's clock ticks per second for /proc's times (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private JitTime() {
    }

    /** The ticks of each compiler thread of process {@code pid} now, by thread id; null where /proc does not say. */
    static Map<String, Long> of(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                long used = compilerTicks(thread);
                if (used >= 0) {
                    ticks.put(thread.getFileName().toString(), used);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return ticks;
    }

    static Map<String, Long> ofThisJvm() {
        return of(ProcessHandle.current().pid());
    }

    /** Nanoseconds of CPU the compiler threads of {@code after} used since {@code before}. */
    static long between(Map<String, Long> before, Map<String, Long> after) {
        long ticks = 0;
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            ticks += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
        }
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** A compiler thread's ticks so far; -1 for another thread, or one that ended while it was being read. */
    private static long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return -1;
            }
            // fields after the name in parentheses: state is field 3, utime 14 and stime 15
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
