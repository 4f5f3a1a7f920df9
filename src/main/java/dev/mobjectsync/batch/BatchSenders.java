package dev.mobjectsync.batch;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import dev.mobjectsync.config.SyncConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The threads that send completed batches: as many as Marketo accepts calls at once
 * ({@code limits.max-concurrent-calls}), so the sources keep reading while calls are in flight. The
 * queue holds a few batches per thread; when it is full, the thread that completed the batch sends it
 * itself (back-pressure on the source instead of an unbounded backlog). A batch waiting here is
 * already in the repository's completed table: a crash loses nothing, recovery sends it again.
 */
@ApplicationScoped
public class BatchSenders {

    static final int QUEUED_PER_THREAD = 2;

    @Produces
    @Singleton
    @Named("batchSenders")
    ExecutorService batchSenders(CamelContext camel, SyncConfig config) {
        int threads = config.limits().maxConcurrentCalls();
        ThreadPoolProfile profile = new ThreadPoolProfile("batchSenders");
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(threads * QUEUED_PER_THREAD);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns);
        return camel.getExecutorServiceManager().newThreadPool(this, "BatchSender", profile);
    }
}
