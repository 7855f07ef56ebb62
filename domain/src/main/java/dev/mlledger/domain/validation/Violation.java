package dev.mlledger.domain.validation;

import java.util.Objects;

/**
 * One thing wrong with a client's input.
 *
 * @param field   where, in the client's words: {@code attrition_prob}, {@code features.age}, {@code items[3].features.age}
 * @param message what is wrong, as a predicate on the field: "must be between 0 and 1"
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
