package dev.mlledger.domain.json;

import java.util.Objects;

/**
 * The text of a JSON value as a client sent it (re-serialised by the adapter that parsed it), stored and
 * returned as is. It never contains the NUL character, which PostgreSQL cannot store.
 */
public record JsonDocument(String text) {

    public static final JsonDocument EMPTY_OBJECT = new JsonDocument("{}");

    public JsonDocument {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\u0000') >= 0 || text.contains("\\u0000")) {
            throw new IllegalArgumentException("a stored JSON document cannot contain the NUL character");
        }
    }
}
