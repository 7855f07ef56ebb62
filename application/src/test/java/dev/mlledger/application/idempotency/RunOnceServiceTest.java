package dev.mlledger.application.idempotency;

import dev.mlledger.application.testing.InMemoryIdempotencyKeys;
import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyKeyInFlight;
import dev.mlledger.domain.idempotency.IdempotencyKeyReused;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;
import dev.mlledger.domain.transaction.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunOnceServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(24);
    private static final IdempotencyKey KEY = new IdempotencyKey("alice", "k-1");
    private static final RequestFingerprint REQUEST = RequestFingerprint.ofText("POST", "/api/v1/predict", "{}");
    private static final StoredResponse ANSWER = new StoredResponse(201, "/api/v1/x/1",
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final TrackingUnitOfWork unitOfWork = new TrackingUnitOfWork();
    private final AtomicInteger runs = new AtomicInteger();

    private RunOnce at(Instant now) {
        return new RunOnceService(keys, unitOfWork, Clock.fixed(now, ZoneOffset.UTC), TTL);
    }

    private Supplier<StoredResponse> work() {
        return () -> {
            assertTrue(unitOfWork.inside, "the work runs inside the unit of work that stores its answer");
            runs.incrementAndGet();
            return ANSWER;
        };
    }

    @Test
    void the_first_use_of_a_key_runs_the_work_and_stores_its_answer_for_the_keys_lifetime_in_the_same_unit_of_work() {
        IdempotentOutcome outcome = at(NOW).run(KEY, REQUEST, work());

        assertEquals(new IdempotentOutcome(ANSWER, false), outcome);
        assertEquals(1, runs.get());
        assertEquals(1, unitOfWork.writes);
        IdempotencyRecord stored = keys.records().get(KEY);
        assertEquals(REQUEST, stored.fingerprint());
        assertEquals(ANSWER, stored.response());
        assertEquals(NOW, stored.createdAt());
        assertEquals(NOW.plus(TTL), stored.expiresAt());
    }

    @Test
    void a_repeat_of_the_same_request_gets_the_stored_answer_without_running_the_work_again() {
        at(NOW).run(KEY, REQUEST, work());

        IdempotentOutcome repeat = at(NOW.plus(TTL).minusNanos(1)).run(KEY, REQUEST, work());

        assertEquals(new IdempotentOutcome(ANSWER, true), repeat);
        assertEquals(1, runs.get());
    }

    @Test
    void the_key_with_another_request_is_refused_without_running_the_work() {
        at(NOW).run(KEY, REQUEST, work());
        RequestFingerprint other = RequestFingerprint.ofText("POST", "/api/v1/predict", "{\"x\":1}");

        assertThrows(IdempotencyKeyReused.class, () -> at(NOW).run(KEY, other, work()));
        assertEquals(1, runs.get());
    }

    @Test
    void a_key_another_request_holds_is_refused_without_looking_further_or_running_the_work() {
        keys.holdElsewhere(KEY);

        assertThrows(IdempotencyKeyInFlight.class, () -> at(NOW).run(KEY, REQUEST, work()));
        assertEquals(0, runs.get());
        assertTrue(keys.records().isEmpty());
    }

    @Test
    void work_that_throws_stores_nothing_and_its_exception_comes_out_unchanged() {
        IllegalStateException failure = new IllegalStateException("rule broken");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> at(NOW).run(KEY, REQUEST, () -> {
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertTrue(keys.records().isEmpty());
        assertEquals(new IdempotentOutcome(ANSWER, false), at(NOW).run(KEY, REQUEST, work()), "a repeat runs it");
    }

    @Test
    void once_the_key_expired_the_same_key_runs_the_work_again_whatever_the_request() {
        at(NOW).run(KEY, REQUEST, work());
        RequestFingerprint other = RequestFingerprint.ofText("POST", "/api/v1/experiments", "{}");

        IdempotentOutcome later = at(NOW.plus(TTL)).run(KEY, other, work());

        assertFalse(later.replayed());
        assertEquals(2, runs.get());
        assertEquals(other, keys.records().get(KEY).fingerprint());
    }

    @Test
    void a_lifetime_that_is_not_positive_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RunOnceService(keys, unitOfWork, Clock.systemUTC(), Duration.ZERO));
    }

    /** Runs the work directly and tells whether it is inside a unit of work. */
    private static final class TrackingUnitOfWork implements UnitOfWork {

        private int writes;
        private boolean inside;

        @Override
        public <T> T write(Supplier<T> work) {
            writes++;
            boolean outer = inside;
            inside = true;
            try {
                return work.get();
            } finally {
                inside = outer;
            }
        }

        @Override
        public <T> T read(Supplier<T> work) {
            return work.get();
        }
    }
}
