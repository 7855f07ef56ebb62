package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers request-log entries in memory and writes them in batches from one background thread, through the
 * {@link RequestLog} and {@link UnitOfWork} ports of whichever persistence adapter is active. A full buffer
 * or a store that keeps failing drops entries (counted in {@link #dropped()}), rather than slowing requests
 * down. The application context starts the writer ({@link #start()}) and stops it ({@link #close()}), which
 * writes whatever is buffered, before the pool it writes through closes: a clean shutdown loses nothing.
 */
@Singleton
public final class BufferedRequestRecorder implements RecordApiRequest, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BufferedRequestRecorder.class);
    private static final int ATTEMPTS = 3;
    private static final Duration CLOSE_CHECK = Duration.ofMillis(50);

    private final RequestLog requestLog;
    private final UnitOfWork unitOfWork;
    private final BlockingQueue<RequestLogEntry> buffer;
    private final int batchSize;
    private final Duration flushInterval;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;

    public BufferedRequestRecorder(RequestLog requestLog, UnitOfWork unitOfWork,
                                   @Value("${mlledger.request-log.buffer-capacity:10000}") int capacity,
                                   @Value("${mlledger.request-log.batch-size:500}") int batchSize,
                                   @Value("${mlledger.request-log.flush-interval:200ms}") Duration flushInterval) {
        this.requestLog = requestLog;
        this.unitOfWork = unitOfWork;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
        this.writer = Thread.ofPlatform().name("request-log-writer").daemon(true).unstarted(this::writeUntilClosed);
    }

    /** Starts the background writer. */
    @PostConstruct
    public void start() {
        writer.start();
    }

    @Override
    public void record(RequestLogEntry entry) {
        if (closing || !buffer.offer(entry)) {
            long total = dropped.incrementAndGet();
            if (total == 1 || total % 1000 == 0) {
                LOG.warn("Request log buffer full or closed: {} entries dropped so far", total);
            }
        }
    }

    /** Entries written to the store so far. */
    public long written() {
        return written.get();
    }

    /** Entries given up on so far (buffer full, closed, or the store failed repeatedly). */
    public long dropped() {
        return dropped.get();
    }

    /** Entries waiting to be written. */
    public int pending() {
        return buffer.size();
    }

    /** Stops accepting entries, writes all buffered ones, and stops the writer thread. */
    @Override
    @PreDestroy
    public void close() {
        closing = true;
        // no interrupt: it would fail a write in progress (and its retries) and drop that batch; the writer
        // notices closing within CLOSE_CHECK
        try {
            writer.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainAll();
    }

    /**
     * Collects a batch until it is full or {@code flushInterval} has passed since its first entry, then writes it.
     * Waits in short steps, so that {@link #close()} is noticed quickly without interrupting a write.
     */
    private void writeUntilClosed() {
        List<RequestLogEntry> batch = new ArrayList<>(batchSize);
        long step = Math.min(flushInterval.toNanos(), CLOSE_CHECK.toNanos());
        try {
            while (!closing) {
                RequestLogEntry first = buffer.poll(step, TimeUnit.NANOSECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + flushInterval.toNanos();
                while (batch.size() < batchSize && !closing) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    RequestLogEntry next = buffer.poll(Math.min(left, step), TimeUnit.NANOSECONDS);
                    if (next != null) {
                        batch.add(next);
                        buffer.drainTo(batch, batchSize - batch.size());
                    }
                }
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            // an interrupt from elsewhere stops the writer; close() writes what is left
            Thread.currentThread().interrupt();
        } finally {
            write(batch);
        }
    }

    private synchronized void drainAll() {
        List<RequestLogEntry> batch = new ArrayList<>(batchSize);
        while (buffer.drainTo(batch, batchSize) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private synchronized void write(List<RequestLogEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<RequestLogEntry> entries = List.copyOf(batch);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                unitOfWork.write(() -> {
                    requestLog.append(entries);
                    return null;
                });
                written.addAndGet(entries.size());
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    dropped.addAndGet(entries.size());
                    LOG.warn("Could not write {} request-log entries; dropped them", entries.size(), e);
                    return;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
