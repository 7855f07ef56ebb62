package dev.mlledger.application.prediction;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.transaction.ScopedUnitOfWork;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.storage.StorageUnavailable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final RecordingPredictions stored = new RecordingPredictions();
    private final ScopedUnitOfWork unitOfWork = new ScopedUnitOfWork(new FakeUnitOfWork());
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void requests_arriving_while_the_writer_is_busy_are_written_together_each_returning_after_its_own_commit()
            throws Exception {
        GroupCommit writes = new GroupCommit(stored, unitOfWork, new GroupCommit.Settings(true, 1000, 1));
        Future<?> first = firstWriteHeld(writes);
        List<Future<?>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(callers.submit(() -> scoreOf(writes, 2)));
        }
        Thread.sleep(100);   // let them all queue behind the held write
        assertFalse(first.isDone() || queued.stream().anyMatch(Future::isDone), "nobody answered before a commit");

        stored.releaseWrites();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> request : queued) {
            request.get(5, TimeUnit.SECONDS);
        }

        assertEquals(List.of(1, 5), stored.requestsPerWrite(), "the first alone, the five queued in one write");
        assertEquals(11, stored.rows().size());
    }

    @Test
    void a_write_never_holds_more_rows_than_allowed_unless_one_request_alone_has_more() throws Exception {
        GroupCommit writes = new GroupCommit(stored, unitOfWork, new GroupCommit.Settings(true, 5, 1));
        Future<?> first = firstWriteHeld(writes);
        List<Future<?>> queued = new ArrayList<>();
        for (int size : new int[] {2, 2, 2, 7, 1}) {
            queued.add(callers.submit(() -> scoreOf(writes, size)));
            Thread.sleep(20);   // queue in this order
        }
        stored.releaseWrites();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> request : queued) {
            request.get(5, TimeUnit.SECONDS);
        }

        assertEquals(List.of(1, 4, 2, 7, 1), stored.rowsPerWrite());
    }

    @Test
    void a_bad_row_fails_only_its_own_request_and_the_others_of_its_group_are_stored() throws Exception {
        GroupCommit writes = new GroupCommit(stored, unitOfWork, new GroupCommit.Settings(true, 1000, 1));
        RequestLogEntry bad = request();
        stored.refuseRowsOf(bad.id());
        Future<?> first = firstWriteHeld(writes);
        RequestLogEntry good = request();
        Future<?> goodOne = callers.submit(() -> writes.write(good, predictionsOf(good, 2)));
        Future<?> badOne = callers.submit(() -> writes.write(bad, predictionsOf(bad, 1)));
        Thread.sleep(100);
        stored.releaseWrites();

        first.get(5, TimeUnit.SECONDS);
        goodOne.get(5, TimeUnit.SECONDS);
        Exception refused = assertThrows(Exception.class, () -> badOne.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, refused.getCause());
        assertEquals(3, stored.rows().size(), "the first request's row and the good one's two");
        assertTrue(stored.rows().stream().noneMatch(row -> row.requestId().equals(bad.id())));
    }

    @Test
    void an_unreachable_store_fails_every_request_of_the_group_with_its_error_without_trying_each_again()
            throws Exception {
        GroupCommit writes = new GroupCommit(stored, unitOfWork, new GroupCommit.Settings(true, 1000, 1));
        Future<?> first = firstWriteHeld(writes);
        List<Future<?>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(callers.submit(() -> scoreOf(writes, 1)));
        }
        Thread.sleep(100);
        stored.failFromNowOn(new StorageUnavailable("the database is gone", null));
        stored.releaseWrites();

        first.get(5, TimeUnit.SECONDS);
        for (Future<?> request : queued) {
            Exception failed = assertThrows(Exception.class, () -> request.get(5, TimeUnit.SECONDS));
            assertInstanceOf(StorageUnavailable.class, failed.getCause());
        }
        assertEquals(2, stored.attempts(), "the first write and the group's one, no retries one by one");
    }

    @Test
    void inside_a_caller_s_own_unit_of_work_the_rows_are_written_there_at_once_not_queued_for_a_group()
            throws Exception {
        GroupCommit writes = new GroupCommit(stored, unitOfWork, new GroupCommit.Settings(true, 1000, 1));
        Future<?> first = firstWriteHeld(writes);   // the only group writer is busy

        Future<Boolean> inside = callers.submit(() -> unitOfWork.write(() -> {
            scoreOf(writes, 2);
            return stored.lastWriteInsideAUnit();
        }));

        assertTrue(inside.get(5, TimeUnit.SECONDS), "written in the caller's unit of work");
        assertFalse(first.isDone(), "written while the group writer was still busy");
        stored.releaseWrites();
        first.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(1, 1), stored.requestsPerWrite());
    }

    @Test
    void switched_off_every_request_is_written_alone() throws Exception {
        GroupCommit writes = new GroupCommit(stored, unitOfWork, GroupCommit.Settings.OFF);
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(callers.submit(() -> scoreOf(writes, 1)));
        }
        for (Future<?> request : requests) {
            request.get(5, TimeUnit.SECONDS);
        }

        assertEquals(Collections.nCopies(8, 1), stored.requestsPerWrite());
    }

    private static RequestLogEntry request() {
        return new RequestLogEntry(Ids.newId(), NOW, "/api/v1/predict", "POST", new JsonDocument("{}"), null, null,
                200, 1);
    }

    /** A request of one prediction whose write has begun and is held until {@code stored.releaseWrites()}. */
    private Future<?> firstWriteHeld(GroupCommit writes) throws InterruptedException {
        stored.holdWrites();
        Future<?> first = callers.submit(() -> scoreOf(writes, 1));
        stored.awaitWriteStarted();
        return first;
    }

    /** A request that made {@code count} predictions, written through the group commit. */
    private static void scoreOf(GroupCommit writes, int count) {
        RequestLogEntry request = request();
        writes.write(request, predictionsOf(request, count));
    }

    private static List<Prediction> predictionsOf(RequestLogEntry request, int count) {
        List<Prediction> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(new Prediction(Ids.newId(), request.id(), NOW, NOW, "E-" + i, new AttritionProbability(0.5),
                    RiskLevel.MEDIUM, "m", null));
        }
        return made;
    }

    /** Records each write; can hold writes until released, refuse some requests' rows, or fail every write. */
    private final class RecordingPredictions implements Predictions {
        private final List<List<RequestLogEntry>> writes = Collections.synchronizedList(new ArrayList<>());
        private final List<Prediction> rows = Collections.synchronizedList(new ArrayList<>());
        private final Map<UUID, Boolean> refused = new ConcurrentHashMap<>();
        private volatile CountDownLatch hold = new CountDownLatch(0);
        private final AtomicBoolean heldOne = new AtomicBoolean();
        private final CountDownLatch started = new CountDownLatch(1);
        private volatile RuntimeException failure;
        private volatile int attempts;
        private volatile boolean lastWriteInsideAUnit;

        void holdWrites() {
            hold = new CountDownLatch(1);
        }

        void releaseWrites() {
            hold.countDown();
        }

        void awaitWriteStarted() throws InterruptedException {
            assertTrue(started.await(5, TimeUnit.SECONDS));
        }

        void refuseRowsOf(UUID requestId) {
            refused.put(requestId, true);
        }

        void failFromNowOn(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void addAll(List<RequestLogEntry> madeBy, List<Prediction> predictions) {
            attempts++;
            RuntimeException failing = failure;   // writes begun before failFromNowOn succeed
            lastWriteInsideAUnit = unitOfWork.isActive();
            started.countDown();
            try {
                if (!heldOne.getAndSet(true)) {
                    hold.await();   // only the first write waits for releaseWrites
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failing != null) {
                throw failing;
            }
            Predicate<Prediction> bad = row -> refused.containsKey(row.requestId());
            if (predictions.stream().anyMatch(bad)) {
                throw new IllegalStateException("check constraint violated");
            }
            writes.add(List.copyOf(madeBy));
            rows.addAll(predictions);
        }

        List<Integer> requestsPerWrite() {
            return writes.stream().map(List::size).toList();
        }

        List<Integer> rowsPerWrite() {
            synchronized (writes) {
                List<Integer> sizes = new ArrayList<>();
                for (List<RequestLogEntry> write : writes) {
                    sizes.add((int) rows.stream().filter(row -> write.stream()
                            .anyMatch(entry -> entry.id().equals(row.requestId()))).count());
                }
                return sizes;
            }
        }

        List<Prediction> rows() {
            return rows;
        }

        int attempts() {
            return attempts;
        }

        boolean lastWriteInsideAUnit() {
            return lastWriteInsideAUnit;
        }

        @Override
        public void addAll(List<Prediction> predictions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Prediction> find(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Prediction> findByRequest(UUID requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Prediction> list(PredictionFilter filter, Keyset after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RiskTally> tally(Instant from, Instant to, String modelVersion, String principal) {
            throw new UnsupportedOperationException();
        }
    }
}
