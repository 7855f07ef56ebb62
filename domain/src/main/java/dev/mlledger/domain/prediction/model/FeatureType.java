package dev.mlledger.domain.prediction.model;

import java.util.Locale;

/** What kind of value a model feature takes. */
public enum FeatureType {
    NUMBER, BOOLEAN, CATEGORY;

    /** "number", "boolean", "category": the word for it in a sentence. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
