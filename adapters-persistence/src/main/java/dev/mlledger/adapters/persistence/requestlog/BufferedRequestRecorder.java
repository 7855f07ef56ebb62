package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.application.requestlog.LogSlot;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.requestlog.RequestLogFull;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes request-log entries in batches from one background thread, through the {@link RequestLog} and
 * {@link UnitOfWork} ports of whichever persistence adapter is active, and loses none of them.
 *
 * <p>Every entry has room before its request is carried out: a {@link LogSlot} taken from {@code capacity}
 * permits, given back only once the entry is <em>written</em>, so that the permits bound the rows held in
 * memory. When none is free the request waits up to {@code admissionWait} and is then refused
 * ({@link RequestLogFull}, a 503 at the web edge). The refusal's own entry takes its room from a separate,
 * smaller pool kept for refusals: refusals are logged at once while the main pool is exhausted, memory stays
 * bounded, and only when refusals arrive faster than the database writes does a refused request wait (without
 * bound) for room before its 503 goes out; holding such clients is itself the backpressure.
 *
 * <p>A batch that fails is tried again, with exponential back-off, until it is written; a try after a failure
 * first looks for the batch's first entry, since the failure may have hidden a commit (the batch is written
 * whole or not at all), so no row is written twice. Closing stops new admissions and writes what is queued and
 * what in-flight requests still record, for at most {@code drainTimeout}; rows the database did not take by then
 * are reported in one ERROR line.
 */
@Singleton
public final class BufferedRequestRecorder implements RecordApiRequest, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BufferedRequestRecorder.class);
    /** How often the waiting writer looks whether it is being closed. */
    private static final long CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How long close() waits for a writer stuck in a database call beyond the drain timeout. */
    private static final Duration JOIN_GRACE = Duration.ofSeconds(5);
    private static final int LOG_EVERY_FAILURES = 10;

    /**
     * The writer's settings.
     *
     * @param capacity         entries that may be waiting to be written (requests are admitted against it)
     * @param refusalCapacity  entries of refused requests that may be waiting, beyond {@code capacity}
     * @param admissionWait    how long a request waits for room before it is refused
     * @param batchSize        entries written in one statement, at most
     * @param flushInterval    how long the first entry of a batch waits for the batch to fill
     * @param retryBackoff     the pause after a failed write, doubled after each further failure
     * @param maxRetryBackoff  the longest pause between tries
     * @param drainTimeout     how long closing may take to write what is left
     */
    public record Settings(int capacity, int refusalCapacity, Duration admissionWait, int batchSize,
                           Duration flushInterval, Duration retryBackoff, Duration maxRetryBackoff,
                           Duration drainTimeout) {

        public Settings {
            if (capacity < 1 || refusalCapacity < 1 || batchSize < 1) {
                throw new IllegalArgumentException("capacity, refusal capacity and batch size must be positive");
            }
            Objects.requireNonNull(admissionWait, "admissionWait");
            Objects.requireNonNull(flushInterval, "flushInterval");
            Objects.requireNonNull(retryBackoff, "retryBackoff");
            Objects.requireNonNull(maxRetryBackoff, "maxRetryBackoff");
            Objects.requireNonNull(drainTimeout, "drainTimeout");
        }
    }

    /** An entry waiting to be written, and the pool its room came from (none for entries recorded while closing). */
    private record Queued(RequestLogEntry entry, Semaphore room) {
    }

    private final RequestLog requestLog;
    private final UnitOfWork unitOfWork;
    private final Settings settings;
    private final Semaphore room;
    private final Semaphore refusalRoom;
    // unbounded on purpose: the permits bound it; an entry that has room is never turned away here
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicInteger depth = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final Thread writer;
    private volatile long drainDeadline;
    private volatile boolean closing;
    private volatile int unwrittenAtClose;

    @Inject
    public BufferedRequestRecorder(RequestLog requestLog, UnitOfWork unitOfWork,
                                   @Value("${mlledger.request-log.buffer-capacity:10000}") int capacity,
                                   @Value("${mlledger.request-log.refusal-capacity:1000}") int refusalCapacity,
                                   @Value("${mlledger.request-log.admission-wait:1s}") Duration admissionWait,
                                   @Value("${mlledger.request-log.batch-size:500}") int batchSize,
                                   @Value("${mlledger.request-log.flush-interval:200ms}") Duration flushInterval,
                                   @Value("${mlledger.request-log.retry-backoff:100ms}") Duration retryBackoff,
                                   @Value("${mlledger.request-log.max-retry-backoff:5s}") Duration maxRetryBackoff,
                                   @Value("${mlledger.request-log.drain-timeout:15s}") Duration drainTimeout) {
        this(requestLog, unitOfWork, new Settings(capacity, refusalCapacity, admissionWait, batchSize, flushInterval,
                retryBackoff, maxRetryBackoff, drainTimeout));
    }

    public BufferedRequestRecorder(RequestLog requestLog, UnitOfWork unitOfWork, Settings settings) {
        this.requestLog = requestLog;
        this.unitOfWork = unitOfWork;
        this.settings = settings;
        this.room = new Semaphore(settings.capacity());
        this.refusalRoom = new Semaphore(settings.refusalCapacity());
        this.writer = Thread.ofPlatform().name("request-log-writer").daemon(true).unstarted(this::writeUntilClosed);
    }

    /** Starts the background writer. */
    @PostConstruct
    public void start() {
        writer.start();
    }

    @Override
    public Optional<LogSlot> tryReserve() {
        if (closing || !room.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Slot(room));
    }

    @Override
    public LogSlot reserve() {
        try {
            if (!closing && room.tryAcquire(settings.admissionWait().toNanos(), TimeUnit.NANOSECONDS)) {
                return new Slot(room);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long total = refused.incrementAndGet();
        if (total == 1 || total % 1000 == 0) {
            LOG.warn("Request log full ({} entries waiting to be written): {} requests refused so far", depth.get(),
                    total);
        }
        throw new RequestLogFull(closing ? "the request log is closing" : "the request log is full");
    }

    @Override
    public LogSlot reserveForRefusal() {
        try {
            while (!closing) {
                if (refusalRoom.tryAcquire(CLOSE_CHECK_NANOS, TimeUnit.NANOSECONDS)) {
                    return new Slot(refusalRoom);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // closing (or told to stop waiting): the drain still writes it if it comes in time, else it is counted
        return new Slot(null);
    }

    /** Entries written to the store so far. */
    public long written() {
        return written.get();
    }

    /** Entries recorded and not yet written: the queue's depth, with the batch being written. */
    public int pending() {
        return depth.get();
    }

    /** Entries the queue may hold for admitted requests. */
    public int capacity() {
        return settings.capacity();
    }

    /** Requests refused so far because the log had no room for them. */
    public long refused() {
        return refused.get();
    }

    /** Batches written so far. */
    public long writes() {
        return writes.get();
    }

    /** Time spent in the batches written so far (their successful tries), in nanoseconds. */
    public long writeNanos() {
        return writeNanos.get();
    }

    /** Tries to write a batch that failed (each is tried again). */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** Entries that closing could not write (database unavailable until the drain timeout); 0 before closing. */
    public int unwrittenAtClose() {
        return unwrittenAtClose;
    }

    /** Entries not yet taken into a batch by the writer. */
    int queued() {
        return queue.size();
    }

    Thread writerThread() {
        return writer;
    }

    /**
     * Stops admitting requests and writes everything recorded, and what requests holding room record meanwhile,
     * then stops the writer; gives up after the drain timeout. No interrupt: the writer notices within
     * {@link #CLOSE_CHECK_NANOS}, and an interrupt could fail a write in progress.
     */
    @Override
    @PreDestroy
    public void close() {
        if (closing) {
            return;
        }
        drainDeadline = System.nanoTime() + settings.drainTimeout().toNanos();
        closing = true;
        closeRequested.countDown();
        if (writer.isAlive()) {
            try {
                writer.join(settings.drainTimeout().plus(JOIN_GRACE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (writer.isAlive() || writer.getState() == Thread.State.NEW) {
            unwrittenAtClose = depth.get() + reserved.get();
            reportUnwritten();
        }
    }

    private void writeUntilClosed() {
        List<Queued> batch = new ArrayList<>(settings.batchSize());
        while (!(closing && (nothingLeft() || pastDrainDeadline()))) {
            try {
                collect(batch);
            } catch (InterruptedException e) {
                // only close() stops the writer, and it does not interrupt: keep the batch collected so far and
                // go on filling it
                LOG.debug("Request-log writer interrupted; carrying on with {} entries in hand", batch.size());
                continue;
            }
            if (!batch.isEmpty()) {
                if (!writeUntilDone(batch)) {
                    break;
                }
                batch.clear();
            }
        }
        unwrittenAtClose = depth.get() + reserved.get();
        reportUnwritten();
    }

    private boolean nothingLeft() {
        // reserved first: a slot enqueues its entry before it stops counting as reserved
        return reserved.get() == 0 && queue.isEmpty();
    }

    private boolean pastDrainDeadline() {
        return System.nanoTime() - drainDeadline >= 0;
    }

    /** Adds entries to the batch until it is full or {@code flushInterval} has passed since its first entry. */
    private void collect(List<Queued> batch) throws InterruptedException {
        long step = Math.min(settings.flushInterval().toNanos(), CLOSE_CHECK_NANOS);
        if (batch.isEmpty()) {
            Queued first = queue.poll(step, TimeUnit.NANOSECONDS);
            if (first == null) {
                return;
            }
            batch.add(first);
        }
        long deadline = System.nanoTime() + settings.flushInterval().toNanos();
        while (batch.size() < settings.batchSize() && !closing) {
            queue.drainTo(batch, settings.batchSize() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= settings.batchSize() || left <= 0) {
                return;
            }
            Queued next = queue.poll(Math.min(left, step), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
        queue.drainTo(batch, settings.batchSize() - batch.size());
    }

    /** Writes the batch, trying again with back-off; false only when closing gave up at the drain deadline. */
    private boolean writeUntilDone(List<Queued> batch) {
        List<RequestLogEntry> entries = batch.stream().map(Queued::entry).toList();
        long backoff = settings.retryBackoff().toNanos();
        int failures = 0;
        while (true) {
            boolean mayBeStored = failures > 0;
            long started = System.nanoTime();
            try {
                unitOfWork.write(() -> {
                    if (!mayBeStored || requestLog.find(entries.getFirst().id()).isEmpty()) {
                        requestLog.append(entries);
                    }
                    return null;
                });
                writeNanos.addAndGet(System.nanoTime() - started);
                writes.incrementAndGet();
                depth.addAndGet(-entries.size());
                written.addAndGet(entries.size());
                for (Queued queued : batch) {
                    if (queued.room() != null) {
                        queued.room().release();
                    }
                }
                if (failures > 0) {
                    LOG.info("Request log: wrote {} entries after {} failed tries", entries.size(), failures);
                }
                return true;
            } catch (RuntimeException e) {
                Thread.interrupted();
                failures++;
                failedWrites.incrementAndGet();
                if (failures == 1 || failures % LOG_EVERY_FAILURES == 0) {
                    LOG.warn("Request log: could not write {} entries (try {}), trying again: {}", entries.size(),
                            failures, e.toString());
                }
                if (closing && pastDrainDeadline()) {
                    return false;
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, settings.maxRetryBackoff().toNanos());
            }
        }
    }

    /** Sleeps between tries; when closing, no later than the drain deadline. */
    private void pause(long nanos) {
        try {
            if (closing) {
                long left = drainDeadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(nanos, left));
                }
            } else if (closeRequested.await(nanos, TimeUnit.NANOSECONDS)) {
                LOG.debug("Request log closing: trying again at once");
            }
        } catch (InterruptedException e) {
            LOG.debug("Request-log writer interrupted while waiting to try again");
        }
    }

    private void reportUnwritten() {
        int left = unwrittenAtClose;
        if (left > 0) {
            LOG.error("Request log closed with {} entries not written: the database did not take them within the "
                    + "drain timeout ({})", left, settings.drainTimeout());
        } else {
            LOG.debug("Request log closed; all {} entries written", written.get());
        }
    }

    /** Room for one entry; gives its permit back once the entry is written, or at once when released unused. */
    private final class Slot implements LogSlot {

        private final Semaphore from;
        private final AtomicBoolean used = new AtomicBoolean();

        Slot(Semaphore from) {
            this.from = from;
            reserved.incrementAndGet();
        }

        @Override
        public void record(RequestLogEntry entry) {
            Objects.requireNonNull(entry, "entry");
            if (!used.compareAndSet(false, true)) {
                throw new IllegalStateException("this log slot was already used");
            }
            depth.incrementAndGet();
            queue.add(new Queued(entry, from));
            reserved.decrementAndGet();
        }

        @Override
        public void release() {
            if (used.compareAndSet(false, true)) {
                reserved.decrementAndGet();
                if (from != null) {
                    from.release();
                }
            }
        }
    }
}
