package dev.mlledger.application.idempotency;

import dev.mlledger.domain.idempotency.IdempotencyKeys;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.time.Clock;
import java.time.Instant;

public final class PurgeIdempotencyKeysService implements PurgeIdempotencyKeys {

    private final IdempotencyKeys keys;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int chunkSize;

    public PurgeIdempotencyKeysService(IdempotencyKeys keys, UnitOfWork unitOfWork, Clock clock, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.keys = keys;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    @Override
    public long purgeExpired() {
        Instant now = clock.instant();
        long total = 0;
        int chunk;
        do {
            chunk = unitOfWork.write(() -> keys.purgeExpired(now, chunkSize));
            total += chunk;
        } while (chunk >= chunkSize);
        return total;
    }
}
