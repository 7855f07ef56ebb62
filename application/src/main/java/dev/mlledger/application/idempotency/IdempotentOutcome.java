package dev.mlledger.application.idempotency;

import dev.mlledger.domain.idempotency.StoredResponse;

import java.util.Objects;

/**
 * The answer to a request under an idempotency key.
 *
 * @param replayed true when the work did not run now and the answer is the one stored the first time
 */
public record IdempotentOutcome(StoredResponse response, boolean replayed) {

    public IdempotentOutcome {
        Objects.requireNonNull(response, "response");
    }
}
