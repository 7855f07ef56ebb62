package dev.mlledger.domain.idempotency;

/** The key was used before for another request (another fingerprint): a key names one request only. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("this idempotency key was used for another request; use a new key for a new request");
    }
}
