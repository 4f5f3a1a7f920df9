package dev.mobjectsync.bench;

/**
 * How big each benchmark is. {@code full} ({@code mvn -Pbench verify}) is the real measurement;
 * {@code smoke} (every {@code mvn verify}) runs the same harness on small numbers in seconds, only
 * to prove it still works: its figures mean nothing.
 */
record Scale(String mode, long warmupRecords, long pipelineRecords, long ceilingRecords, int ceilingWarmupSeconds,
        int ceilingSeconds, long bigFileRecords, long restCeilingRecords) {

    static Scale fromSystemProperty() {
        return "full".equals(System.getProperty("bench.mode", "smoke"))
                ? new Scale("full", 30_000, 100_000, 45_000, 20, 60, 1_000_000, 135_000)
                : new Scale("smoke", 500, 2_000, 1_500, 0, 3, 20_000, 3_000);
    }

    boolean full() {
        return "full".equals(mode);
    }
}
