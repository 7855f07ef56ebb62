package dev.mlledger.adapters.web.document;

import dev.mlledger.domain.json.JsonDocument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Stored JSON documents (feature snapshots, request data) to and from what Serde binds and writes. */
@Singleton
public class JsonDocuments {

    private final JsonMapper jsonMapper;

    public JsonDocuments(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** A bound JSON value (a map of features, say) as JSON text, for storing; null stays null. */
    public JsonDocument document(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new JsonDocument(jsonMapper.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored JSON text back as a tree, for answering; null stays null. */
    public JsonNode tree(JsonDocument document) {
        if (document == null) {
            return null;
        }
        try {
            return jsonMapper.readValue(document.text(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
