package dev.mlledger.application.idempotency;

import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.IdempotencyKeyInFlight;
import dev.mlledger.domain.idempotency.IdempotencyKeyReused;
import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.idempotency.IdempotencyRecord;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

public final class RunOnceService implements RunOnce {

    private final IdempotencyKeys keys;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration ttl;

    /** @param ttl how long a key holds its answer after its first use */
    public RunOnceService(IdempotencyKeys keys, UnitOfWork unitOfWork, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("an idempotency key's lifetime must be positive: " + ttl);
        }
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public IdempotentOutcome run(IdempotencyKey key, RequestFingerprint fingerprint, Supplier<StoredResponse> work) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        return unitOfWork.write(() -> {
            // first, and without waiting: a request still running under the key holds it until it ends
            if (!keys.tryHold(key)) {
                throw new IdempotencyKeyInFlight();
            }
            Instant now = clock.instant();
            Optional<IdempotencyRecord> done = keys.find(key, now);
            if (done.isPresent()) {
                if (!done.get().fingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReused();
                }
                return new IdempotentOutcome(done.get().response(), true);
            }
            StoredResponse response = work.get();
            keys.store(new IdempotencyRecord(key, fingerprint, response, now, now.plus(ttl)));
            return new IdempotentOutcome(response, false);
        });
    }
}
