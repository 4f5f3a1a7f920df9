package dev.mobjectsync.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.jboss.logging.Logger;

import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.batch.SharedBatchRepository;
import dev.mobjectsync.batch.StoredBatches;
import dev.mobjectsync.model.Chunk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * At start-up, before any source may hand over a record: the chunks the previous run left in the
 * repository go back into the sending stage first, so that they reach Marketo before anything newer about
 * the same objects. First the completed chunks (handed to the stage but not confirmed: the run stopped or
 * crashed before all their records were in a channel), in the order they were opened, then the open ones
 * (still gathering records). Then the sources may go on, and Camel's periodic recovery takes over (for
 * chunks whose sending failed, and those of a replica that died).
 */
@ApplicationScoped
@Named("chunksAtStart")
public class ChunksAtStart {

    private static final Logger LOG = Logger.getLogger(ChunksAtStart.class);

    private final SharedBatchRepository repository;
    private final SendingStage stage;
    private final StoredBatches openChunks;
    private final Checkpoints checkpoints;

    @Inject
    public ChunksAtStart(@Named("batchRepository") JdbcAggregationRepository repository, SendingStage stage,
            StoredBatches openChunks, Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.repository = (SharedBatchRepository) repository;
        this.stage = stage;
        this.openChunks = openChunks;
    }

    @Handler
    public void takeBack(CamelContext camel) {
        try {
            Set<String> stored = repository.scan(camel);
            forgetStaleCheckpoints(stored);
            List<Map.Entry<String, Chunk>> completed = new ArrayList<>();
            for (String chunkId : stored) {
                Exchange recovered = repository.recoverAtStart(camel, chunkId);
                if (recovered != null) {
                    completed.add(Map.entry(chunkId, recovered.getMessage().getBody(Chunk.class)));
                }
            }
            completed.sort(Map.Entry.comparingByValue(Chunk.BY_OPENING));
            for (Map.Entry<String, Chunk> entry : completed) {
                String chunkId = entry.getKey();
                stage.hold(entry.getValue(), chunkId, failure -> {
                    if (failure == null) {
                        repository.confirm(camel, chunkId);
                    }
                });
            }
            if (!completed.isEmpty()) {
                LOG.infof("sending again %d chunk(s) (%d records) the previous run had not finished", completed.size(),
                        completed.stream().mapToInt(entry -> entry.getValue().size()).sum());
            }
            openChunks.completeStoredBatches();
        } finally {
            repository.recoverAllBut(stage::holds);
            stage.startedUp();
        }
    }

    /** Checkpoints of a chunk no longer in the repository, or of a file no longer where it was read, go. */
    private void forgetStaleCheckpoints(Set<String> stored) {
        try {
            int gone = checkpoints.forgetStale(source -> FileHandOver.isFile(source)
                    ? FileHandOver.fileStillThere(source)
                    : stored.contains(source));
            if (gone > 0) {
                LOG.debugf("%d stale checkpoint source(s) removed", gone);
            }
        } catch (RuntimeException e) {
            LOG.warnf("stale checkpoints could not be removed (%s)", e.getMessage());
        }
    }
}
