package dev.mobjectsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a JVM's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}) have used so
 * far, as Linux counts it per thread ({@code /proc/<pid>/task/<tid>/stat}, user + system): the part of a
 * process's CPU that is the JIT's, which a short run pays more of than a long-running service does. A compiler
 * thread that HotSpot retired meanwhile is not counted, so this is a lower bound.
 */
final class JitTime {

    /** Linux's clock ticks per second for /proc's times (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private JitTime() {
    }

    /** Nanoseconds of CPU of process {@code pid}'s compiler threads so far; -1 where /proc does not say. */
    static long of(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                ticks += compilerTicks(thread);
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    static long ofThisJvm() {
        return of(ProcessHandle.current().pid());
    }

    private static long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            // fields after the name in parentheses: state is field 3, utime 14 and stime 15
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            // the thread ended while it was being read
            return 0;
        }
    }
}
