package dev.mlledger.domain.prediction.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What kind of value a model feature takes, named as in the model file and the API. */
public enum FeatureType {
    NUMBER("number"),
    BOOLEAN("boolean"),
    CATEGORY("category");

    private final String wireName;

    FeatureType(String wireName) {
        this.wireName = wireName;
    }

    /** The feature type's name in the model file and the API: "number", "boolean" or "category". */
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException unless {@code text} is exactly one of the {@link #wireName()}s */
    public static FeatureType parse(String text) {
        for (FeatureType type : values()) {
            if (type.wireName.equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be one of " + Arrays.stream(values()).map(FeatureType::wireName)
                .collect(Collectors.joining(", ")) + ", got " + (text == null ? "nothing" : "\"" + text + "\""));
    }
}
