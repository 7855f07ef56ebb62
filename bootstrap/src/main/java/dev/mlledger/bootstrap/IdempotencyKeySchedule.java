package dev.mlledger.bootstrap;

import dev.mlledger.application.idempotency.PurgeIdempotencyKeys;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets expired idempotency keys on a schedule: every {@code mlledger.idempotency.purge-interval} (default 10m),
 * first {@code mlledger.idempotency.purge-initial-delay} (1m) after start-up, in chunks of
 * {@code mlledger.idempotency.chunk-size}. Always on: a key is kept for {@code mlledger.idempotency.ttl} only.
 */
@Singleton
public class IdempotencyKeySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeySchedule.class);

    private final PurgeIdempotencyKeys purgeIdempotencyKeys;

    public IdempotencyKeySchedule(PurgeIdempotencyKeys purgeIdempotencyKeys) {
        this.purgeIdempotencyKeys = purgeIdempotencyKeys;
    }

    @Scheduled(fixedDelay = "${mlledger.idempotency.purge-interval:10m}",
            initialDelay = "${mlledger.idempotency.purge-initial-delay:1m}")
    void purge() {
        try {
            long purged = purgeIdempotencyKeys.purgeExpired();
            if (purged > 0) {
                LOG.info("Purged {} expired idempotency keys", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purge of expired idempotency keys failed; it runs again at the next interval: {}",
                    e.getMessage(), e);
        }
    }
}
