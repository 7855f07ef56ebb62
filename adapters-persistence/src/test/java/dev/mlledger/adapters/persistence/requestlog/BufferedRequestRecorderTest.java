package dev.mlledger.adapters.persistence.requestlog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mlledger.adapters.persistence.requestlog.BufferedRequestRecorder.Settings;
import dev.mlledger.application.requestlog.LogSlot;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.requestlog.RequestLogFull;
import dev.mlledger.domain.storage.StorageUnavailable;
import dev.mlledger.domain.transaction.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer's promises, each checked so that removing what keeps it fails a test: batches, the flush deadline,
 * retries with back-off, the batch in hand on interrupt and on close, bounded waits for room, and no loss. Timing is
 * checked only from below (a pause lasts at least so long) or with generous upper bounds.
 */
class BufferedRequestRecorderTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void entries_queued_before_the_writer_starts_are_written_in_full_batches_one_statement_each() {
        CollectingLog store = new CollectingLog();
        BufferedRequestRecorder recorder = new BufferedRequestRecorder(store, new DirectUnitOfWork(),
                settings(1_000, 100, LONG));
        List<RequestLogEntry> recorded = recordAll(recorder, 1_000);

        recorder.start();
        await(() -> recorder.written() == 1_000, "all entries written");

        assertEquals(List.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 100), store.batchSizes());
        assertEquals(recorded, store.stored());
        recorder.close();
    }

    @Test
    void a_lone_entry_is_written_once_the_flush_interval_has_passed_without_waiting_for_a_full_batch_or_close() {
        CollectingLog store = new CollectingLog();
        Duration flush = Duration.ofMillis(300);
        try (BufferedRequestRecorder recorder = started(store, settings(100, 100, flush))) {
            long started = System.nanoTime();
            recordAll(recorder, 1);

            await(() -> recorder.written() == 1, "the lone entry written before close");
            long waited = System.nanoTime() - started;

            assertEquals(List.of(1), store.batchSizes());
            assertTrue(waited >= flush.toNanos() / 2, "it waited for company first: " + waited / 1_000_000 + " ms");
        }
    }

    @Test
    void entries_arriving_within_the_flush_interval_share_one_batch() throws InterruptedException {
        CollectingLog store = new CollectingLog();
        try (BufferedRequestRecorder recorder = started(store, settings(100, 100, Duration.ofSeconds(2)))) {
            recordAll(recorder, 3);
            Thread.sleep(100);
            recordAll(recorder, 4);

            await(() -> recorder.written() == 7, "all written");

            assertEquals(List.of(7), store.batchSizes());
        }
    }

    @Test
    void a_batch_that_fails_twice_is_written_exactly_once_after_pauses_that_double() {
        CollectingLog store = new CollectingLog();
        store.failNext(2);
        Duration backoff = Duration.ofMillis(150);
        Settings settings = new Settings(100, 10, Duration.ZERO, 100, Duration.ofMillis(20), backoff,
                Duration.ofSeconds(10), PATIENCE);
        try (BufferedRequestRecorder recorder = started(store, settings)) {
            List<RequestLogEntry> recorded = recordAll(recorder, 5);

            await(() -> recorder.written() == 5, "written after two failures");

            assertEquals(recorded, store.stored());
            assertEquals(2, recorder.failedWrites());
            List<Long> tries = store.attemptNanos();
            assertEquals(3, tries.size(), "two failed tries and one that worked");
            long firstPause = tries.get(1) - tries.get(0);
            long secondPause = tries.get(2) - tries.get(1);
            assertTrue(firstPause >= backoff.toNanos(), "first pause " + firstPause / 1_000_000 + " ms");
            assertTrue(secondPause >= 2 * backoff.toNanos(), "second pause " + secondPause / 1_000_000 + " ms");
        }
    }

    @Test
    void a_failure_reported_after_the_batch_was_stored_does_not_store_it_twice() {
        CollectingLog store = new CollectingLog();
        store.storeThenFailNext(1);
        Settings settings = new Settings(100, 10, Duration.ZERO, 100, Duration.ofMillis(20), Duration.ofMillis(10),
                Duration.ofMillis(100), PATIENCE);
        try (BufferedRequestRecorder recorder = started(store, settings)) {
            List<RequestLogEntry> recorded = recordAll(recorder, 4);

            await(() -> recorder.written() == 4, "written");

            assertEquals(recorded, store.stored());
            assertEquals(1, recorder.failedWrites());
        }
    }

    @Test
    void the_batch_in_hand_when_the_writer_is_interrupted_is_kept_and_the_writer_carries_on() {
        CollectingLog store = new CollectingLog();
        try (BufferedRequestRecorder recorder = started(store, settings(100, 10, LONG))) {
            List<RequestLogEntry> recorded = new ArrayList<>(recordAll(recorder, 3));
            await(() -> recorder.queued() == 0, "the writer took the entries into its batch");

            recorder.writerThread().interrupt();
            recorded.addAll(recordAll(recorder, 7));

            await(() -> recorder.written() == 10, "the held batch, filled up, written");
            assertEquals(List.of(10), store.batchSizes());
            assertEquals(recorded, store.stored());
            assertTrue(recorder.writerThread().isAlive(), "the writer still runs");
        }
    }

    @Test
    void the_batch_in_hand_when_the_recorder_closes_is_written_by_close() {
        CollectingLog store = new CollectingLog();
        BufferedRequestRecorder recorder = started(store, settings(100, 100, LONG));
        List<RequestLogEntry> recorded = recordAll(recorder, 3);
        await(() -> recorder.queued() == 0, "the writer took the entries into its batch");

        recorder.close();

        assertEquals(recorded, store.stored());
        assertEquals(0, recorder.unwrittenAtClose());
        assertEquals(0, recorder.pending());
    }

    @Test
    void closing_writes_what_requests_holding_room_record_while_it_drains() throws Exception {
        CollectingLog store = new CollectingLog();
        BufferedRequestRecorder recorder = started(store, settings(100, 100, Duration.ofMillis(20)));
        LogSlot inFlight = recorder.tryReserve().orElseThrow();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(recorder::close);
        Thread.sleep(200);
        assertFalse(closing.isDone(), "close waits for the request holding room");
        RequestLogEntry late = entry(1);
        inFlight.record(late);
        closing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(late), store.stored());
        assertTrue(recorder.tryReserve().isEmpty(), "no room after close");
    }

    @Test
    void closing_with_the_database_down_gives_up_after_the_drain_timeout_and_says_how_many_rows_are_not_written() {
        CollectingLog store = new CollectingLog();
        store.failNext(Integer.MAX_VALUE);
        Settings settings = new Settings(100, 10, Duration.ZERO, 100, Duration.ofMillis(20), Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofMillis(500));
        BufferedRequestRecorder recorder = started(store, settings);
        recordAll(recorder, 7);
        await(() -> recorder.failedWrites() > 0, "a write failed");
        ListAppender<ILoggingEvent> log = capture();

        long started = System.nanoTime();
        recorder.close();
        long took = System.nanoTime() - started;

        assertTrue(took < TimeUnit.SECONDS.toNanos(10), "close is bounded: " + took / 1_000_000 + " ms");
        assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(400), "close kept trying: " + took / 1_000_000 + " ms");
        assertEquals(7, recorder.unwrittenAtClose());
        assertEquals(0, recorder.written());
        assertTrue(log.list.stream().anyMatch(event -> event.getLevel() == Level.ERROR
                && event.getFormattedMessage().contains("7 entries not written")), log.list::toString);
    }

    @Test
    void with_no_room_a_request_waits_the_admission_time_then_is_refused_and_its_refusal_is_still_written()
            throws InterruptedException {
        BlockingLog store = new BlockingLog();
        Duration admissionWait = Duration.ofMillis(300);
        Settings settings = new Settings(2, 5, admissionWait, 10, Duration.ofMillis(20), Duration.ofMillis(10),
                Duration.ofMillis(100), PATIENCE);
        BufferedRequestRecorder recorder = started(store, settings);
        recorder.reserve().record(entry(0));
        assertTrue(store.writing.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the writer is writing entry 0");
        recorder.reserve().record(entry(1));

        long started = System.nanoTime();
        assertThrows(RequestLogFull.class, recorder::reserve);
        long waited = System.nanoTime() - started;
        recorder.reserveForRefusal().record(entry(2));

        assertTrue(waited >= admissionWait.toNanos(), "waited " + waited / 1_000_000 + " ms");
        assertEquals(1, recorder.refused());
        assertEquals(3, recorder.pending());
        store.release.countDown();
        recorder.close();
        assertEquals(List.of(0, 1, 2),
                store.stored().stream().map(RequestLogEntry::responseTimeMs).toList());
    }

    @Test
    void a_request_waiting_for_room_gets_it_as_soon_as_a_batch_is_written() throws Exception {
        BlockingLog store = new BlockingLog();
        Settings settings = new Settings(1, 1, PATIENCE, 10, Duration.ofMillis(20), Duration.ofMillis(10),
                Duration.ofMillis(100), PATIENCE);
        try (BufferedRequestRecorder recorder = started(store, settings)) {
            recorder.reserve().record(entry(0));
            assertTrue(store.writing.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the writer is writing");
            CompletableFuture<LogSlot> waiting = CompletableFuture.supplyAsync(recorder::reserve);
            Thread.sleep(200);
            assertFalse(waiting.isDone(), "no room while the only entry is being written");

            store.release.countDown();

            waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).record(entry(1));
            await(() -> recorder.written() == 2, "both written");
        }
    }

    @Test
    void room_given_back_unused_can_be_taken_again_and_nothing_is_written_for_it() {
        CollectingLog store = new CollectingLog();
        try (BufferedRequestRecorder recorder = started(store, settings(1, 10, Duration.ofMillis(20)))) {
            LogSlot slot = recorder.tryReserve().orElseThrow();
            assertTrue(recorder.tryReserve().isEmpty(), "the only room is taken");

            slot.release();

            recorder.tryReserve().orElseThrow().record(entry(1));
            await(() -> recorder.written() == 1, "written");
            assertEquals(1, store.stored().size());
        }
    }

    @Test
    void many_threads_recording_at_once_lose_nothing_and_write_nothing_twice() throws InterruptedException {
        CollectingLog store = new CollectingLog();
        Settings settings = new Settings(16, 16, Duration.ofSeconds(30), 8, Duration.ofMillis(5),
                Duration.ofMillis(10), Duration.ofMillis(100), PATIENCE);
        BufferedRequestRecorder recorder = started(store, settings);
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 250; i++) {
                    recorder.reserve().record(entry(next.getAndIncrement()));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        recorder.close();

        assertEquals(2_000, store.stored().size());
        assertEquals(2_000, store.stored().stream().map(RequestLogEntry::id).distinct().count());
        assertTrue(store.batchSizes().stream().allMatch(size -> size <= 8), "batches of at most the batch size");
    }

    private static Settings settings(int capacity, int batchSize, Duration flush) {
        return new Settings(capacity, 10, Duration.ofSeconds(5), batchSize, flush, Duration.ofMillis(10),
                Duration.ofMillis(100), PATIENCE);
    }

    private static BufferedRequestRecorder started(RequestLog store, Settings settings) {
        BufferedRequestRecorder recorder = new BufferedRequestRecorder(store, new DirectUnitOfWork(), settings);
        recorder.start();
        return recorder;
    }

    private static List<RequestLogEntry> recordAll(BufferedRequestRecorder recorder, int count) {
        List<RequestLogEntry> recorded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RequestLogEntry entry = entry(i);
            recorder.tryReserve().orElseThrow(() -> new AssertionError("no room")).record(entry);
            recorded.add(entry);
        }
        return recorded;
    }

    private static RequestLogEntry entry(int i) {
        return new RequestLogEntry(Ids.newId(), Instant.parse("2026-03-10T00:00:00Z").plusMillis(i), "/api/v1/x",
                "GET", JsonDocument.EMPTY_OBJECT, null, null, 200, i);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(BufferedRequestRecorder.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    /** Keeps what it is given, from any thread, and can be told to fail its next appends. */
    private static class CollectingLog implements RequestLog {

        private final List<RequestLogEntry> stored = Collections.synchronizedList(new ArrayList<>());
        private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> attemptNanos = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicInteger storeThenFail = new AtomicInteger();

        void failNext(int times) {
            failures.set(times);
        }

        /** The next appends are stored and then reported as failed, as when a connection drops during commit. */
        void storeThenFailNext(int times) {
            storeThenFail.set(times);
        }

        @Override
        public void append(List<RequestLogEntry> entries) {
            attemptNanos.add(System.nanoTime());
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StorageUnavailable("database unreachable", null);
            }
            batchSizes.add(entries.size());
            stored.addAll(entries);
            if (storeThenFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StorageUnavailable("connection lost while committing", null);
            }
        }

        List<RequestLogEntry> stored() {
            synchronized (stored) {
                return List.copyOf(stored);
            }
        }

        List<Integer> batchSizes() {
            synchronized (batchSizes) {
                return List.copyOf(batchSizes);
            }
        }

        List<Long> attemptNanos() {
            synchronized (attemptNanos) {
                return List.copyOf(attemptNanos);
            }
        }

        @Override
        public Optional<RequestLogEntry> find(UUID id) {
            synchronized (stored) {
                return stored.stream().filter(entry -> entry.id().equals(id)).findFirst();
            }
        }

        @Override
        public PurgeResult purgeOlderThan(Instant cutoff, int maxRequests) {
            throw new UnsupportedOperationException();
        }
    }

    /** Holds the first write until released, as a database that has not answered yet. */
    private static final class BlockingLog extends CollectingLog {

        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void append(List<RequestLogEntry> entries) {
            writing.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            super.append(entries);
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
