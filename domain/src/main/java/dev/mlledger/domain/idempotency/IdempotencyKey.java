package dev.mlledger.domain.idempotency;

import dev.mlledger.domain.validation.InvalidInput;

import java.util.Objects;

/**
 * The key a client gives a request so that repeating it does the work once: the client's own text, kept per
 * caller. Two callers' keys never meet, whatever their text.
 *
 * @param scope whose key it is (the caller); not empty
 * @param key   the client's text: 1 to {@value #MAX_LENGTH} characters, none of them a control character
 */
public record IdempotencyKey(String scope, String key) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("an idempotency key needs a scope");
        }
        if (key == null || key.isEmpty() || key.codePointCount(0, key.length()) > MAX_LENGTH) {
            throw new InvalidInput("", "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("", "must not contain control characters");
        }
    }
}
