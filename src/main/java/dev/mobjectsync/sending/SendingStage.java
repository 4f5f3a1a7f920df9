package dev.mobjectsync.sending;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.jboss.logging.Logger;

import dev.mobjectsync.batch.BatchSizes;
import dev.mobjectsync.batch.Checkpoints;
import dev.mobjectsync.batch.ChunkKeys;
import dev.mobjectsync.batch.SharedBatchRepository;
import dev.mobjectsync.config.SyncConfig;
import dev.mobjectsync.marketo.CallPacer;
import dev.mobjectsync.model.Batch;
import dev.mobjectsync.model.Chunk;
import dev.mobjectsync.model.SyncRecord;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The sending stage (DESIGN.md §5b): completed chunks from the aggregator come in here, and every call to
 * Marketo goes out from here, in the order {@link Lanes} keeps. {@code limits.max-concurrent-calls} sender
 * threads of our own each wait for ready records, take a place within Marketo's limits from the
 * {@link CallPacer} (the one place where waiting for a limit happens), take every ready record of the
 * oldest kind (up to one call's worth), and run the gateway seam, its retries and the channel writes
 * synchronously ({@code direct:sync-batch}). When the call has ended, its records leave their lanes and the
 * next records of their objects become ready. No other thread waits here: the aggregator's threads only
 * hand a chunk over, and a chunk's exchange completes (Camel then confirms it in the repository) only once
 * every record of it is in a channel.
 * <p>
 * Sources wait in {@link #awaitRoom()} while the stage holds {@code batch.max-waiting} records, and until the
 * chunks left in the repository by the previous run are back in the lanes ({@link #startedUp()}), so they go
 * before anything newer. When the application stops, calls in flight end normally, no new call starts, and
 * the chunks not yet done stay unconfirmed in the repository for the next start.
 */
@Singleton
@Named("sendingStage")
public class SendingStage implements AsyncProcessor {

    private static final Logger LOG = Logger.getLogger(SendingStage.class);

    private final Lanes lanes = new Lanes();
    /** The chunks held, by id. */
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final CallPacer pacer;
    private final BatchSizes sizes;
    private final int maxWaiting;
    private final int senders;
    private final CamelContext camel;
    private ProducerTemplate template;
    private ExecutorService pool;
    private volatile boolean running = true;
    private volatile boolean startedUp;
    /** Nanoseconds a ready record waits for more of its kind before it goes in a call that is not full. */
    private final long linger;
    /**
     * Whether the last chunk came after a quiet spell (completed by timeout, forced, recovered): then, once no
     * other source's chunk is still open, calls go out with whatever is ready; while chunks come because they
     * are full, a call waits to be full (at most {@link #linger}).
     */
    private boolean quiet = true;
    static final long RECHECK_OPEN_CHUNKS = TimeUnit.MILLISECONDS.toNanos(50);
    private volatile boolean openChunks;
    private final ChunkKeys keys;
    private volatile long openChunksReadAt = System.nanoTime() - RECHECK_OPEN_CHUNKS - 1;

    private final SharedBatchRepository repository;
    private final Checkpoints checkpoints;
    private final ChunkBooks books;

    /** Exchange property of a call: its records' places in their chunks or units ({@link AnsweredCalls}). */
    static final String CALL = "MobjectSyncCall";
    /** Exchange property of a call: its id in the checkpoints. */
    static final String CALL_ID = "MobjectSyncCallId";

    @Inject
    public SendingStage(SyncConfig config, CallPacer pacer, BatchSizes sizes, CamelContext camel,
            @Named("batchRepository") JdbcAggregationRepository repository, Checkpoints checkpoints, ChunkKeys keys) {
        this.keys = keys;
        this.repository = (SharedBatchRepository) repository;
        this.checkpoints = checkpoints;
        this.pacer = pacer;
        this.sizes = sizes;
        this.maxWaiting = config.batch().maxWaiting();
        this.senders = pacer.maxConcurrentCalls();
        this.linger = config.batch().timeout().toNanos();
        this.camel = camel;
        this.books = new ChunkBooks(camel, this.repository, checkpoints);
    }

    void start(@Observes StartupEvent started) throws Exception {
        template = camel.createProducerTemplate();
        EventNotifierSupport onStopping = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                stop();
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }
        };
        // started before it is added: the management strategy only notifies the notifiers started by then
        ServiceHelper.startService(onStopping);
        camel.getManagementStrategy().addEventNotifier(onStopping);
        pool = camel.getExecutorServiceManager().newFixedThreadPool(this, "Sender", senders);
        for (int i = 0; i < senders; i++) {
            pool.execute(this::sendWhileRunning);
        }
    }

    /** Camel Quarkus's event bridge: the context begins to stop (the notifier above hears it too; stop is once). */
    void onStopping(@Observes CamelEvent.CamelContextStoppingEvent stopping) {
        stop();
    }

    // ---- what the aggregator hands over

    /**
     * A completed chunk: its records join their lanes; the exchange completes when all have their outcome. A
     * chunk that recovery sends again first settles what its last run left ({@link Checkpoints}).
     */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Chunk chunk = exchange.getMessage().getBody(Chunk.class);
        String completedBy = exchange.getProperty(Exchange.AGGREGATED_COMPLETED_BY, String.class);
        boolean more = "strategy".equals(completedBy) || "size".equals(completedBy);
        boolean recovered = exchange.getMessage().getHeader(Exchange.REDELIVERED, false, Boolean.class);
        Checkpoints.Place place = new Checkpoints.Place(exchange.getExchangeId(), 0);
        hold(chunk, place, null, !more, recovered ? books.leftOf(place) : null, stored(failure -> {
            if (failure != null) {
                exchange.setException(failure);
            }
            callback.done(false);
        }));
        return false;
    }

    @Override
    public void process(Exchange exchange) {
        throw new UnsupportedOperationException("the sending stage is asynchronous");
    }

    @Override
    public CompletableFuture<Exchange> processAsync(Exchange exchange) {
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        process(exchange, sync -> done.complete(exchange));
        return done;
    }

    /**
     * Holds a chunk the previous run left in the repository: what that run settled is settled first
     * ({@link Checkpoints}), the rest joins the lanes; {@code end} hears once, with null when every record is
     * in a channel, or with the reason the chunk must stay in the repository (then holding only the records
     * not yet in a channel).
     */
    public void hold(Chunk chunk, String chunkId, Consumer<Throwable> end) {
        Checkpoints.Place place = new Checkpoints.Place(chunkId, 0);
        hold(chunk, place, null, true, books.leftOf(place), stored(end));
    }

    /**
     * Holds a unit of a file, which is in no repository: more of the file follows; {@code positions} are the
     * places of its records in the unit, by which the checkpoints name them. What an earlier run settled of it
     * ({@code left}) is settled first. {@code end} hears once, with null when every record is in a
     * channel or, if some could not be sent in this run (the application stops, a call failed), kept in the
     * repository as a completed chunk, sent from there (at the next start, or by recovery); with the reason
     * when they could not be kept either. Then the unit is marked done, so that a later reading of the file
     * skips it.
     */
    public void holdUnit(Chunk unit, int[] positions, Checkpoints.Place place, Checkpoints.Left left,
            Consumer<Throwable> end) {
        hold(unit, place, positions, false, left, (ticket, failure) -> {
            Throwable notKept = failure == null ? null : books.keepInRepository(ticket, failure);
            if (notKept == null) {
                books.unitDone(place);
            }
            end.accept(notKept);
        });
    }

    /** The end of a chunk of the repository: when not every record is in a channel, it keeps only the rest. */
    private BiConsumer<Ticket, Throwable> stored(Consumer<Throwable> end) {
        return (ticket, failure) -> {
            if (failure != null) {
                books.keepWhatIsNotWritten(ticket);
            }
            end.accept(failure);
        };
    }

    private void hold(Chunk chunk, Checkpoints.Place place, int[] positions, boolean afterQuiet,
            Checkpoints.Left left, BiConsumer<Ticket, Throwable> end) {
        String chunkId = place.source() + (place.unit() == 0 ? "" : "#" + place.unit());
        Ticket ticket = new Ticket(place, positions, chunkId, chunk, (held, failure) -> {
            try {
                end.accept(held, failure);
            } finally {
                tickets.remove(chunkId);
            }
        });
        Set<Integer> settled = left == null || left.isEmpty() ? Set.of() : books.settle(ticket, left, template);
        boolean allSettled = false;
        for (int index : settled) {
            allSettled = ticket.recordDone(index, true);
        }
        if (allSettled) {
            ticket.end(null);
            return;
        }
        synchronized (this) {
            if (running && !chunk.isEmpty()) {
                tickets.put(chunkId, ticket);
                long now = System.nanoTime();
                for (int i = 0; i < chunk.size(); i++) {
                    if (!settled.contains(i)) {
                        lanes.add(chunk.records().get(i), i, ticket, now);
                    }
                }
                quiet = afterQuiet;
                notifyAll();
                return;
            }
        }
        ticket.end(chunk.isEmpty() ? null : new KeptForNextStart("chunk " + chunkId + " (" + chunk.size()
                + " records) kept in the repository: the application is stopping"));
    }

    /** Whether this instance holds the chunk (recovery must not send it again). */
    public boolean holds(String chunkId) {
        return tickets.containsKey(chunkId);
    }

    // ---- what the sources ask

    /** Back-pressure: a source waits here while the stage is full, or still taking back the previous run's chunks. */
    public void awaitRoom() throws InterruptedException {
        synchronized (this) {
            while (running && (!startedUp || lanes.held() >= maxWaiting)) {
                wait(1000);
            }
        }
    }

    /**
     * A source that hands units over itself (files) has handed its last one for now: calls may go out with
     * what is ready, not full, as after a chunk completed by the batch timeout.
     */
    public synchronized void sourceQuiet() {
        quiet = true;
        notifyAll();
    }

    /** The previous run's chunks are in the lanes: sources may go on. */
    public synchronized void startedUp() {
        startedUp = true;
        notifyAll();
    }

    public synchronized int recordsHeld() {
        return lanes.held();
    }

    /** Records held and not in a call: waiting behind an earlier record of their object, or ready for a call. */
    public synchronized int recordsWaiting() {
        return lanes.waiting();
    }

    // ---- the senders

    private void sendWhileRunning() {
        try {
            while (sendOne()) {
                // next call
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "a sender stopped unexpectedly; %s", running ? "starting another"
                    : "the application is stopping");
            if (running) {
                pool.execute(this::sendWhileRunning);
            }
        }
    }

    /** One call: false when the stage stopped. */
    private boolean sendOne() throws InterruptedException {
        Exchange exchange = new DefaultExchange(camel);
        while (true) {
            boolean partialNow = quiet && !otherChunksOpen();
            synchronized (this) {
                if (!running) {
                    return false;
                }
                long until = lanes.untilNextCall(sizes::of, partialNow, linger, System.nanoTime());
                if (until == 0) {
                    break;
                }
                if (quiet && lanes.hasReady()) {
                    // other sources' chunks are still open: look again soon, they may join this call
                    until = Math.min(until, RECHECK_OPEN_CHUNKS);
                }
                if (until == Long.MAX_VALUE) {
                    wait();
                } else {
                    TimeUnit.NANOSECONDS.timedWait(this, until);
                }
            }
        }
        pacer.acquire(exchange);
        List<Lanes.Entry> call = List.of();
        String callId = UUID.randomUUID().toString();
        try {
            boolean partialNow = quiet && !otherChunksOpen();
            synchronized (this) {
                call = running ? lanes.take(sizes::of, partialNow, linger, System.nanoTime()) : List.of();
            }
            if (call.isEmpty()) {
                return running;
            }
            exchange.setProperty(CALL, call);
            exchange.setProperty(CALL_ID, callId);
            exchange.getMessage().setBody(batchOf(call));
            template.send("direct:sync-batch", exchange);
        } catch (RuntimeException e) {
            if (call.isEmpty()) {
                throw e;
            }
            exchange.setException(e); // the records taken end as a call that failed, below
        } finally {
            // a place taken and no call made (nothing to send, nothing the gateway could send, or a failure before
            // the call) is given back
            pacer.unused(exchange);
        }
        Exception failure = exchange.getException();
        boolean written = failure == null;
        if (!written) {
            LOG.warnf("batch of %d records not answered into the channels (%s): their chunks stay in the repository",
                    call.size(), failure.getMessage());
        }
        List<Ticket> ended = new ArrayList<>();
        synchronized (this) {
            if (written || running) {
                // while running, the next records go on (the failed chunk is sent again by recovery); while
                // stopping, an unwritten record keeps its objects' later records behind it until the restart
                lanes.finish(call, System.nanoTime());
            }
            for (Lanes.Entry entry : call) {
                if (entry.ticket.recordDone(entry.index, written)) {
                    ended.add(entry.ticket);
                }
            }
            notifyAll();
        }
        Set<Checkpoints.Place> goOn = new HashSet<>();
        if (written) {
            call.stream().filter(entry -> entry.ticket.place != null && !ended.contains(entry.ticket))
                    .forEach(entry -> goOn.add(entry.ticket.place));
        }
        if (!goOn.isEmpty()) {
            // records of chunks or units that go on: in their channels now (those that ended forget theirs)
            try {
                checkpoints.written(callId, goOn);
            } catch (RuntimeException e) {
                LOG.warnf("the outcomes of a call are written, but its checkpoint could not say so (%s): after a crash "
                        + "they are written again", e.getMessage());
            }
        }
        ended.forEach(this::endQuietly);
        return true;
    }

    /** A ticket whose records all have their outcome ends; a failure of what follows does not keep others from ending. */
    private void endQuietly(Ticket ticket) {
        try {
            ticket.end(null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "chunk %s: all its records are in their channels, but what follows failed", ticket.chunkId);
        }
    }

    /**
     * Whether the aggregator holds open chunks of this instance's run (another source is still gathering
     * records, which would join a call that is not full; on PostgreSQL the table also holds other replicas'
     * chunks, which never join this replica's calls): read at most every {@link #RECHECK_OPEN_CHUNKS}.
     */
    private boolean otherChunksOpen() {
        long now = System.nanoTime();
        if (now - openChunksReadAt > RECHECK_OPEN_CHUNKS) {
            try {
                // only this instance's own chunks can join its calls: another replica's (or a dead run's) never will
                openChunks = repository.getKeys().stream().anyMatch(keys::ofThisRun);
            } catch (RuntimeException e) {
                openChunks = false;
            }
            openChunksReadAt = now;
        }
        return openChunks;
    }

    private static Batch batchOf(List<Lanes.Entry> call) {
        SyncRecord first = call.get(0).record;
        Batch batch = new Batch(first.operation(), first.type());
        call.forEach(entry -> batch.add(entry.record));
        return batch;
    }

    /**
     * The application is stopping: no new call starts, senders waiting for records or for a place in
     * Marketo's limits leave, calls in flight end normally; then every chunk not done stays in the repository.
     */
    void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            notifyAll();
        }
        LOG.infof("stopping: no new call to Marketo; the calls in flight end, the %d record(s) not yet sent stay in "
                + "the repository for the next start", recordsHeld());
        pacer.stopWaiting();
        ExecutorService started = pool; // null when the application stops before the stage started
        Thread leaving = new Thread(() -> {
            if (started != null) {
                started.shutdown();
                try {
                    started.awaitTermination(Long.MAX_VALUE, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<Ticket> left = new ArrayList<>(tickets.values());
            if (!left.isEmpty()) {
                LOG.infof("stopping: %d chunk(s) with records not yet sent stay in the repository for the next start",
                        left.size());
            }
            for (Ticket ticket : left) {
                ticket.end(new KeptForNextStart("chunk " + ticket.chunkId
                        + " kept in the repository: the application stopped before all its records were sent"));
            }
        }, "SendingStageStop");
        leaving.setDaemon(true);
        leaving.start();
    }
}
