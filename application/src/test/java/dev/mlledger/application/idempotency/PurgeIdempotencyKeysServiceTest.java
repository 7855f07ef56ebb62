package dev.mlledger.application.idempotency;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryIdempotencyKeys;
import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PurgeIdempotencyKeysServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();

    private void stored(String key, Instant expiresAt) {
        keys.store(new IdempotencyRecord(new IdempotencyKey("alice", key), RequestFingerprint.ofText(key),
                new StoredResponse(200, null, new byte[0]), expiresAt.minus(Duration.ofDays(1)), expiresAt));
    }

    @Test
    void expired_keys_are_deleted_in_chunks_of_one_unit_of_work_each_until_a_chunk_comes_back_short() {
        for (int i = 0; i < 7; i++) {
            stored("expired-" + i, NOW.minusSeconds(i));
        }
        stored("live", NOW.plusSeconds(1));

        long purged = new PurgeIdempotencyKeysService(keys, unitOfWork, Clock.fixed(NOW, ZoneOffset.UTC), 3)
                .purgeExpired();

        assertEquals(7, purged);
        assertEquals(3, keys.purgeCalls(), "3 + 3 + 1");
        assertEquals(3, unitOfWork.writes());
        assertEquals(1, keys.records().size(), "the live key stays");
    }

    @Test
    void a_chunk_size_below_one_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PurgeIdempotencyKeysService(keys, unitOfWork, Clock.systemUTC(), 0));
    }
}
