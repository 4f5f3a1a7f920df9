package dev.mobjectsync.bench;

/**
 * A process's CPU time (user and system, all its threads), as the operating system counts it: what a run cost
 * each process (the application, the simulator, the harness's own JVM for the raw client), read before and after.
 */
final class CpuTime {

    private CpuTime() {
    }

    /** The CPU time process {@code pid} has used so far, in nanoseconds. */
    static long of(long pid) {
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no process " + pid + " to read its CPU time"));
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS gives no CPU time for process " + pid))
                .toNanos();
    }

    /** The CPU time of this JVM (the harness, where the raw client loop runs). */
    static long ofThisJvm() {
        return of(ProcessHandle.current().pid());
    }

    /** Microseconds of CPU per record, from two readings. */
    static double microsPerRecord(long beforeNanos, long afterNanos, long records) {
        return (afterNanos - beforeNanos) / 1_000.0 / records;
    }
}
