package dev.mlledger.domain.json;

import dev.mlledger.domain.validation.Checks;

import java.util.Objects;

/**
 * The text of a JSON value a client sent (re-serialised by the adapter that parsed it). A store keeps the same
 * JSON value, not necessarily the same text (PostgreSQL's jsonb orders keys and drops spaces). It never contains
 * the NUL character, which PostgreSQL cannot store.
 */
public record JsonDocument(String text) {

    public static final JsonDocument EMPTY_OBJECT = new JsonDocument("{}");

    public JsonDocument {
        Objects.requireNonNull(text, "text");
        if (Checks.containsNul(text) || text.contains("\\u0000")) {
            throw new IllegalArgumentException("a stored JSON document cannot contain the NUL character");
        }
    }
}
