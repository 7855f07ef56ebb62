package dev.mlledger.adapters.web.json;

import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies as JSON trees, so that every field is checked by mlledger itself (strict types, snake_case
 * names, all problems reported together) rather than coerced by a data binder.
 */
@Singleton
public class JsonBodies {

    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private final JsonMapper jsonMapper;

    public JsonBodies(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * Parses a body that must be a JSON object.
     *
     * @throws MalformedJson when it is not JSON
     * @throws InvalidInput  when it is not an object, or a string in it cannot be stored (NUL, half a surrogate pair)
     */
    public JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInput("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = jsonMapper.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new MalformedJson(describe(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        List<Violation> unstorable = new ArrayList<>();
        findUnstorable(node, "", unstorable);
        if (!unstorable.isEmpty()) {
            throw new InvalidInput(unstorable);
        }
        return node;
    }

    /**
     * A body that {@link #object} accepted, as the text the client sent, for the request log: it was checked to
     * be JSON with nothing PostgreSQL cannot store, so it need not be written again (a byte-order mark, which
     * the parser skips but {@code jsonb} would not, is dropped).
     */
    public static JsonDocument asSent(byte[] acceptedBody) {
        String text = new String(acceptedBody, StandardCharsets.UTF_8);
        return new JsonDocument(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The node as JSON text, for storing. */
    public JsonDocument document(JsonNode node) {
        try {
            return new JsonDocument(jsonMapper.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored JSON text back as a tree, for answering. */
    public JsonNode tree(JsonDocument document) {
        try {
            return jsonMapper.readValue(document.text(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object's members as plain Java values: Double, Boolean, String, null, List, Map. */
    public static Map<String, Object> plain(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.entries()) {
            values.put(member.getKey(), plainValue(member.getValue()));
        }
        return values;
    }

    private static Object plainValue(JsonNode node) {
        if (node.isNumber()) {
            return node.getNumberValue().doubleValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node.values()) {
                items.add(plainValue(item));
            }
            return items;
        }
        if (node.isObject()) {
            return plain(node);
        }
        return null;
    }

    /**
     * Finds the strings (values and member names) PostgreSQL cannot store in a JSON column: those with the NUL
     * character, and those with half of a surrogate pair ({@code "\\ud800"}), which is no Unicode character.
     */
    private static void findUnstorable(JsonNode node, String path, List<Violation> found) {
        if (node.isString()) {
            check(node.getStringValue(), path.isEmpty() ? "body" : path, found);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.entries()) {
                String child = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                check(member.getKey(), path.isEmpty() ? "body" : path, found);
                findUnstorable(member.getValue(), child, found);
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode item : node.values()) {
                findUnstorable(item, path + "[" + index++ + "]", found);
            }
        }
    }

    private static void check(String text, String path, List<Violation> found) {
        if (text.indexOf('\u0000') >= 0) {
            found.add(new Violation(path, "must not contain the NUL character (\\u0000)"));
        } else if (hasLoneSurrogate(text)) {
            found.add(new Violation(path, "must not contain half of a surrogate pair (\\ud800 to \\udfff)"));
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Where the parser gave up, without its internals: "Malformed JSON at line 1, column 12". */
    public static String describe(String parserMessage) {
        Matcher location = parserMessage == null ? null : LOCATION.matcher(parserMessage);
        return Optional.ofNullable(location).filter(Matcher::find)
                .map(m -> "Malformed JSON at line " + m.group(1) + ", column " + m.group(2))
                .orElse("Malformed JSON");
    }
}
