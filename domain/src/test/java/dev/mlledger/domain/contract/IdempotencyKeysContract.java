package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.mlledger.domain.contract.ContractData.T0;
import static dev.mlledger.domain.contract.ContractData.T0_FINE;
import static dev.mlledger.domain.contract.ContractData.micros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idempotency keys: a record comes back as stored while it is live and is gone with the unit of work that stored
 * it when that fails; a key held by one unit of work is refused to another at once, never waited for.
 */
public abstract class IdempotencyKeysContract extends StorageContract {

    private static final Duration TTL = Duration.ofHours(24);
    private static final long PROMPTLY_SECONDS = 5;

    private static IdempotencyRecord record(IdempotencyKey key, String body, Instant at) {
        return new IdempotencyRecord(key, RequestFingerprint.ofText("POST", "/api/v1/predict", body),
                new StoredResponse(200, null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), at, at.plus(TTL));
    }

    @Test
    void a_stored_record_reads_back_equal_while_it_is_live_and_is_gone_from_its_expiry_on() {
        IdempotencyKey key = new IdempotencyKey("alice", "order-1");
        byte[] anyBytes = {0, (byte) 0xff, (byte) 0xc3, 0x28, '{', '}', 0};   // not UTF-8: bytes, not text
        IdempotencyRecord stored = new IdempotencyRecord(key, RequestFingerprint.ofText("POST", "/x", "{}"),
                new StoredResponse(201, "/api/v1/experiments/1", anyBytes), T0_FINE, T0_FINE.plus(TTL));
        writing(() -> store.idempotencyKeys().store(stored));

        IdempotencyRecord found = read(() -> store.idempotencyKeys().find(key, T0_FINE)).orElseThrow();
        Optional<IdempotencyRecord> justBefore = read(() -> store.idempotencyKeys().find(key,
                micros(stored.expiresAt()).minusNanos(1_000)));
        Optional<IdempotencyRecord> atExpiry = read(() -> store.idempotencyKeys().find(key, stored.expiresAt()));

        assertEquals(key, found.key());
        assertEquals(stored.fingerprint(), found.fingerprint());
        assertEquals(201, found.response().status());
        assertEquals("/api/v1/experiments/1", found.response().location());
        assertArrayEquals(anyBytes, found.response().body());
        assertEquals(micros(stored.createdAt()), micros(found.createdAt()));
        assertEquals(micros(stored.expiresAt()), micros(found.expiresAt()));
        assertTrue(justBefore.isPresent(), "live until its expiry");
        assertTrue(atExpiry.isEmpty(), "expired at its expiry");
    }

    @Test
    void an_empty_body_a_missing_location_and_a_key_of_255_characters_of_any_script_come_back_as_stored() {
        IdempotencyKey longKey = new IdempotencyKey("caller with spaces é", "ключ-🙂".repeat(42) + "abc");
        IdempotencyRecord stored = new IdempotencyRecord(longKey, RequestFingerprint.ofText("POST", "/x", ""),
                new StoredResponse(200, null, new byte[0]), T0, T0.plus(TTL));
        writing(() -> store.idempotencyKeys().store(stored));

        IdempotencyRecord found = read(() -> store.idempotencyKeys().find(longKey, T0)).orElseThrow();

        assertEquals(255, longKey.key().codePointCount(0, longKey.key().length()));
        assertEquals(longKey, found.key());
        assertEquals(stored.response(), found.response());
    }

    @Test
    void the_same_text_under_two_scopes_and_two_texts_under_one_scope_are_four_different_keys() {
        List<IdempotencyKey> keys = List.of(new IdempotencyKey("alice", "k1"), new IdempotencyKey("bob", "k1"),
                new IdempotencyKey("alice", "k2"), new IdempotencyKey("alice", "K1"));
        writing(() -> keys.forEach(key -> store.idempotencyKeys().store(record(key, "{\"for\": \"" + key + "\"}", T0))));

        for (IdempotencyKey key : keys) {
            IdempotencyRecord found = read(() -> store.idempotencyKeys().find(key, T0)).orElseThrow();
            assertEquals(record(key, "{\"for\": \"" + key + "\"}", T0).response(), found.response(), key.toString());
        }
        assertTrue(read(() -> store.idempotencyKeys().find(new IdempotencyKey("carol", "k1"), T0)).isEmpty());
    }

    @Test
    void a_record_stored_by_a_unit_of_work_that_then_fails_is_gone_with_the_rest_of_its_writes() {
        IdempotencyKey key = new IdempotencyKey("alice", "doomed");
        Experiment experiment = ContractData.experiment("doomed", "alice", T0);

        assertThrows(IllegalStateException.class, () -> writing(() -> {
            assertTrue(store.idempotencyKeys().tryHold(key));
            store.experiments().add(experiment);
            store.idempotencyKeys().store(record(key, "{}", T0));
            throw new IllegalStateException("fails after storing");
        }));

        assertTrue(read(() -> store.idempotencyKeys().find(key, T0)).isEmpty());
        assertTrue(read(() -> store.experiments().find(experiment.id())).isEmpty());
    }

    @Test
    void an_expired_record_is_replaced_by_a_new_one_under_the_same_key_and_a_live_one_never() {
        IdempotencyKey key = new IdempotencyKey("alice", "reused-a-day-later");
        writing(() -> store.idempotencyKeys().store(record(key, "{\"first\": 1}", T0)));
        Instant aDayLater = T0.plus(TTL);

        assertThrows(RuntimeException.class, () -> writing(() -> store.idempotencyKeys()
                .store(record(key, "{\"too soon\": 1}", aDayLater.minusSeconds(1)))));
        writing(() -> store.idempotencyKeys().store(record(key, "{\"second\": 2}", aDayLater)));

        IdempotencyRecord found = read(() -> store.idempotencyKeys().find(key, aDayLater)).orElseThrow();
        assertEquals(record(key, "{\"second\": 2}", aDayLater).response(), found.response());
    }

    @Test
    void a_key_held_by_one_unit_of_work_is_refused_to_another_at_once_and_free_again_once_the_first_ends()
            throws Exception {
        IdempotencyKey key = new IdempotencyKey("alice", "in-flight");
        IdempotencyKey other = new IdempotencyKey("alice", "another-key");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> write(() -> {
                boolean taken = store.idempotencyKeys().tryHold(key);
                // it has written too, as a request does before it stores its answer
                store.experiments().add(ContractData.experiment("first", "alice", T0));
                held.countDown();
                await(release);
                return taken && store.idempotencyKeys().tryHold(key);
            }));
            assertTrue(held.await(PROMPTLY_SECONDS, TimeUnit.SECONDS), "the first unit of work took the key");

            Future<Boolean> second = threads.submit(() -> write(() -> store.idempotencyKeys().tryHold(key)));
            boolean secondGotIt = second.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);
            Future<Boolean> otherKey = threads.submit(() -> write(() -> store.idempotencyKeys().tryHold(other)));
            boolean otherKeyFree = otherKey.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);
            release.countDown();

            assertTrue(first.get(PROMPTLY_SECONDS, TimeUnit.SECONDS), "the holder takes its key again");
            assertFalse(secondGotIt, "refused while the first holds it, without waiting for the first to end");
            assertTrue(otherKeyFree, "another key is free");
            assertTrue(write(() -> store.idempotencyKeys().tryHold(key)), "free again once the first ended");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void a_key_is_free_again_after_the_unit_of_work_that_held_it_rolled_back() {
        IdempotencyKey key = new IdempotencyKey("alice", "rolled-back");

        assertThrows(IllegalStateException.class, () -> writing(() -> {
            assertTrue(store.idempotencyKeys().tryHold(key));
            throw new IllegalStateException("rolls back");
        }));

        assertTrue(write(() -> store.idempotencyKeys().tryHold(key)));
    }

    @Test
    void a_purge_deletes_at_most_as_many_expired_records_as_asked_oldest_expiry_first_and_never_a_live_one() {
        List<IdempotencyKey> keys = new ArrayList<>();
        for (int hour = 0; hour < 5; hour++) {
            IdempotencyKey key = new IdempotencyKey("alice", "key-" + hour);
            keys.add(key);
            Instant at = T0.plus(Duration.ofHours(hour));
            writing(() -> store.idempotencyKeys().store(record(key, "{}", at)));
        }
        Instant now = T0.plus(TTL).plus(Duration.ofHours(2));   // key-0 .. key-2 expired, key-3 and key-4 live

        int first = write(() -> store.idempotencyKeys().purgeExpired(now, 2));
        boolean oldestGone = read(() -> store.idempotencyKeys().find(keys.get(0), T0)).isEmpty()
                && read(() -> store.idempotencyKeys().find(keys.get(1), T0)).isEmpty();
        boolean thirdKept = read(() -> store.idempotencyKeys().find(keys.get(2), T0)).isPresent();
        int second = write(() -> store.idempotencyKeys().purgeExpired(now, 2));
        int third = write(() -> store.idempotencyKeys().purgeExpired(now, 2));

        assertEquals(2, first);
        assertTrue(oldestGone && thirdKept, "the oldest expiry goes first");
        assertEquals(1, second);
        assertEquals(0, third);
        assertTrue(read(() -> store.idempotencyKeys().find(keys.get(2), T0)).isEmpty());
        assertTrue(read(() -> store.idempotencyKeys().find(keys.get(3), now)).isPresent());
        assertTrue(read(() -> store.idempotencyKeys().find(keys.get(4), now)).isPresent());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PROMPTLY_SECONDS * 4, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the key");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
