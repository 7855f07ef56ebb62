package dev.mlledger.application.idempotency;

import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyKeyInFlight;
import dev.mlledger.domain.idempotency.IdempotencyKeyReused;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;

import java.util.function.Supplier;

/**
 * Use case: a request a client may repeat safely. The first time its key is used, the work runs and its answer is
 * stored under the key in the same unit of work as everything the work writes (the work's own units of work join
 * it), all or nothing. A repeat of the same request within the key's lifetime gets the stored answer and writes
 * nothing. Work that throws stores nothing: its writes are undone, so a repeat runs it again.
 */
public interface RunOnce {

    /**
     * @throws IdempotencyKeyInFlight when another request under the key is still running (nothing is done)
     * @throws IdempotencyKeyReused   when the key was used for a request with another fingerprint (nothing is done)
     */
    IdempotentOutcome run(IdempotencyKey key, RequestFingerprint fingerprint, Supplier<StoredResponse> work);
}
