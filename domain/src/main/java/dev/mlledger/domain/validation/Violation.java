package dev.mlledger.domain.validation;

import java.util.Objects;

/**
 * One thing wrong with an input, named by where it is in the command or value that found it, in the domain's
 * own words: {@code attritionProb}, {@code features.age}, {@code [3].employeeId} (the item at index 3 of a list
 * given as a whole), or {@code ""} (the value itself). A driving adapter renders it in its clients' words.
 *
 * @param field   the path: property names and map keys joined by dots, list indexes in brackets
 * @param message what is wrong, as a predicate on the field: "must be between 0 and 1"
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** This violation seen from the owner of {@code name}: {@code age} under {@code features} is {@code features.age}. */
    public Violation under(String name) {
        String path = field.isEmpty() ? name : field.startsWith("[") ? name + field : name + "." + field;
        return new Violation(path, message);
    }
}
