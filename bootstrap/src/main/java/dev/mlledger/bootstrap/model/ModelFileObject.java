package dev.mlledger.bootstrap.model;

import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** A JSON object of the model file with its JSON path, read key by key; every problem names the key's path. */
final class ModelFileObject {

    private final JsonNode node;
    private final String path;

    private ModelFileObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** @param path the object's JSON path, empty for the top level */
    static ModelFileObject of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ModelFileProblem(path.isEmpty() ? "the top level must be a JSON object"
                    : path + " must be an object");
        }
        return new ModelFileObject(node, path);
    }

    String path() {
        return path;
    }

    /** Catches typos: a key outside {@code known} is an error, not silently ignored. */
    void allowOnly(List<String> known, String owner) {
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!known.contains(entry.getKey())) {
                throw new ModelFileProblem(pathOf(entry.getKey()) + " is not a known key; " + owner + " has "
                        + String.join(", ", known));
            }
        }
    }

    boolean has(String key) {
        return node.get(key) != null;
    }

    String requiredString(String key) {
        JsonNode value = required(key);
        if (!value.isString()) {
            throw new ModelFileProblem(pathOf(key) + " must be a string");
        }
        return value.getStringValue();
    }

    Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(requiredString(key)) : Optional.empty();
    }

    double requiredNumber(String key) {
        return number(required(key), pathOf(key));
    }

    OptionalDouble optionalNumber(String key) {
        return has(key) ? OptionalDouble.of(requiredNumber(key)) : OptionalDouble.empty();
    }

    boolean requiredBoolean(String key) {
        JsonNode value = required(key);
        if (!value.isBoolean()) {
            throw new ModelFileProblem(pathOf(key) + " must be true or false");
        }
        return value.getBooleanValue();
    }

    /** The elements of an array, each with its path ({@code features[2]}). */
    List<Element> requiredArray(String key) {
        JsonNode value = required(key);
        if (!value.isArray()) {
            throw new ModelFileProblem(pathOf(key) + " must be an array");
        }
        List<Element> elements = new ArrayList<>();
        for (JsonNode element : value.values()) {
            elements.add(new Element(element, pathOf(key) + "[" + elements.size() + "]"));
        }
        return elements;
    }

    List<String> requiredStrings(String key) {
        List<String> strings = new ArrayList<>();
        for (Element element : requiredArray(key)) {
            if (!element.node().isString()) {
                throw new ModelFileProblem(element.path() + " must be a string");
            }
            strings.add(element.node().getStringValue());
        }
        return strings;
    }

    /** An object whose every value is a number, keeping the file's order. */
    Map<String, Double> requiredNumbers(String key) {
        ModelFileObject numbers = of(required(key), pathOf(key));
        Map<String, Double> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : numbers.node.entries()) {
            result.put(entry.getKey(), number(entry.getValue(), numbers.pathOf(entry.getKey())));
        }
        return result;
    }

    private JsonNode required(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new ModelFileProblem(pathOf(key) + " is required");
        }
        return value;
    }

    private static double number(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw new ModelFileProblem(path + " must be a number");
        }
        return value.getDoubleValue();
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An array element and its JSON path. */
    record Element(JsonNode node, String path) {
    }
}
