package dev.mlledger.adapters.web.error;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One offending field of a request.
 *
 * @param field where the field is, in the client's own words: {@code attrition_prob}, {@code items[3].features.age}
 * @param message what is wrong with it
 */
@Serdeable
public record FieldViolation(String field, String message) {
}
