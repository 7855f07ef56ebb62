package dev.mlledger.application.idempotency;

/**
 * Use case: forget idempotency keys whose lifetime is over, in bounded chunks (one transaction each), so that a
 * purge of many keys never holds one huge transaction.
 *
 * @see RunOnce
 */
public interface PurgeIdempotencyKeys {

    /** @return how many expired keys were deleted */
    long purgeExpired();
}
