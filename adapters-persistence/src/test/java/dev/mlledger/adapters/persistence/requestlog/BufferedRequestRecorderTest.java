package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.storage.StorageUnavailable;
import dev.mlledger.domain.transaction.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferedRequestRecorderTest {

    private static final Duration FLUSH = Duration.ofMillis(20);

    @Test
    void every_entry_recorded_before_close_is_written_once() {
        CollectingLog store = new CollectingLog();
        BufferedRequestRecorder recorder = started(store, 10_000, 50, FLUSH);
        List<RequestLogEntry> recorded = new ArrayList<>();

        for (int i = 0; i < 2_000; i++) {
            RequestLogEntry entry = entry(i);
            recorded.add(entry);
            recorder.record(entry);
        }
        recorder.close();

        assertEquals(recorded, store.sortedByTime());
        assertEquals(2_000, recorder.written());
        assertEquals(0, recorder.dropped());
        assertEquals(0, recorder.pending());
        assertTrue(store.largestBatch.get() <= 50, "batches of at most the batch size");
    }

    @Test
    void entries_are_written_in_the_background_without_waiting_for_close() throws InterruptedException {
        CollectingLog store = new CollectingLog();
        try (BufferedRequestRecorder recorder = started(store, 100, 10, FLUSH)) {
            recorder.record(entry(1));
            recorder.record(entry(2));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (recorder.written() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertEquals(2, recorder.written());
            assertEquals(2, store.sortedByTime().size());
        }
    }

    @Test
    void with_a_store_that_always_fails_entries_are_counted_as_dropped_and_recording_never_throws() {
        FailingLog store = new FailingLog();
        BufferedRequestRecorder recorder = started(store, 1_000, 100, FLUSH);

        for (int i = 0; i < 150; i++) {
            RequestLogEntry entry = entry(i);
            assertDoesNotThrow(() -> recorder.record(entry));
        }
        recorder.close();
        assertDoesNotThrow(() -> recorder.record(entry(999)), "recording after close");

        assertEquals(0, recorder.written());
        assertEquals(151, recorder.dropped());
        assertEquals(0, recorder.pending());
        assertTrue(store.attempts.get() >= 2 * 3, "each batch is tried three times: " + store.attempts.get());
    }

    @Test
    void a_full_buffer_drops_new_entries_instead_of_blocking_the_caller() throws InterruptedException {
        BlockingLog store = new BlockingLog();
        BufferedRequestRecorder recorder = started(store, 2, 10, FLUSH);

        recorder.record(entry(0));
        assertTrue(store.writing.await(10, TimeUnit.SECONDS), "the writer took the first entry");
        recorder.record(entry(1));
        recorder.record(entry(2));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            recorder.record(entry(3));
            recorder.record(entry(4));
        });

        assertEquals(2, recorder.dropped());
        assertEquals(2, recorder.pending());
        store.release.countDown();
        recorder.close();
        assertEquals(3, recorder.written());
        assertEquals(List.of(0, 1, 2), store.collected.sortedByTime().stream()
                .map(e -> e.responseTimeMs()).toList());
    }

    @Test
    void a_batch_being_written_when_the_recorder_closes_is_not_lost() throws InterruptedException {
        BlockingLog store = new BlockingLog();
        BufferedRequestRecorder recorder = started(store, 10, 10, FLUSH);
        recorder.record(entry(0));
        assertTrue(store.writing.await(10, TimeUnit.SECONDS), "the writer is writing");

        Thread closer = Thread.ofPlatform().start(recorder::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        store.release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(30));

        assertEquals(1, recorder.written());
        assertEquals(0, recorder.dropped());
        assertEquals(1, store.collected.sortedByTime().size());
    }

    private static BufferedRequestRecorder started(RequestLog store, int capacity, int batchSize, Duration flush) {
        BufferedRequestRecorder recorder = new BufferedRequestRecorder(store, new DirectUnitOfWork(), capacity,
                batchSize, flush);
        recorder.start();
        return recorder;
    }

    private static RequestLogEntry entry(int i) {
        return new RequestLogEntry(Ids.newId(), Instant.parse("2026-03-10T00:00:00Z").plusMillis(i), "/api/v1/x",
                "GET", JsonDocument.EMPTY_OBJECT, null, null, 200, i);
    }

    /** Keeps what it is given, from any thread. */
    private static class CollectingLog implements RequestLog {

        final List<RequestLogEntry> stored = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger largestBatch = new AtomicInteger();

        @Override
        public void append(List<RequestLogEntry> entries) {
            largestBatch.accumulateAndGet(entries.size(), Math::max);
            stored.addAll(entries);
        }

        List<RequestLogEntry> sortedByTime() {
            synchronized (stored) {
                return stored.stream().sorted(Comparator.comparing(RequestLogEntry::createdAt)).toList();
            }
        }

        @Override
        public Optional<RequestLogEntry> find(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PurgeResult purgeOlderThan(Instant cutoff, int maxRequests) {
            throw new UnsupportedOperationException();
        }
    }

    /** The database is never there. */
    private static final class FailingLog extends CollectingLog {

        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public void append(List<RequestLogEntry> entries) {
            attempts.incrementAndGet();
            throw new StorageUnavailable("database unreachable", null);
        }
    }

    /** Holds each write until released, as a database would when the pool has no connection free: interruptibly. */
    private static final class BlockingLog extends CollectingLog {

        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CollectingLog collected = new CollectingLog();

        @Override
        public void append(List<RequestLogEntry> entries) {
            writing.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            collected.append(entries);
        }
    }

    /** Runs the work on the calling thread: the recorder's batching is under test, not transactions. */
    private static final class DirectUnitOfWork implements UnitOfWork {

        @Override
        public <T> T write(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T read(Supplier<T> work) {
            return work.get();
        }
    }
}
