package dev.mlledger.domain.idempotency;

/** Another request under the same key is still being carried out: it must end before its key can be used again. */
public class IdempotencyKeyInFlight extends RuntimeException {

    public IdempotencyKeyInFlight() {
        super("a request with this idempotency key is still being carried out; repeat it once that one is answered");
    }
}
