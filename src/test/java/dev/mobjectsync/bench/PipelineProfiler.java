package dev.mobjectsync.bench;

import java.nio.file.Path;

import com.sun.tools.attach.VirtualMachine;

/**
 * Profiles the application process over a measured run only (not its start nor its warm-up), when
 * {@code -Dbench.profiler=/path/to/libasyncProfiler.so} is given: async-profiler (Maven Central
 * {@code tools.profiler:async-profiler}, its {@code linux-x64/libasyncProfiler.so}) is loaded into the running
 * process at the start of the run and writes collapsed stacks (CPU, every thread, the JIT compilers and the
 * garbage collector included) at its end. Without the property it does nothing.
 */
final class PipelineProfiler {

    private static final String LIBRARY = System.getProperty("bench.profiler", "").strip();

    private PipelineProfiler() {
    }

    static void start(long pid) throws Exception {
        if (!LIBRARY.isEmpty()) {
            command(pid, "start,event=itimer,interval=1ms");
        }
    }

    static void stop(long pid, Path collapsed) throws Exception {
        if (!LIBRARY.isEmpty()) {
            command(pid, "stop,collapsed,file=" + collapsed.toAbsolutePath());
            System.out.println("benchmark: profile of process " + pid + " in " + collapsed);
        }
    }

    private static void command(long pid, String arguments) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgentPath(LIBRARY, arguments);
        } finally {
            vm.detach();
        }
    }
}
