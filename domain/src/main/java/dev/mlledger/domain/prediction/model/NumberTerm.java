package dev.mlledger.domain.prediction.model;

import java.util.Objects;
import java.util.Optional;

/** A number feature's term: {@code coefficient × x}, or {@code coefficient × (x − mean) / scale} when standardised. */
public record NumberTerm(FeatureDefinition feature, double coefficient, Optional<Standardisation> standardisation)
        implements FeatureTerm {

    public NumberTerm {
        Terms.requireType(feature, FeatureType.NUMBER);
        Objects.requireNonNull(standardisation, "standardisation");
        Terms.requireFinite("coefficient", coefficient);
    }

    public NumberTerm(FeatureDefinition feature, double coefficient) {
        this(feature, coefficient, Optional.empty());
    }

    public NumberTerm(FeatureDefinition feature, double coefficient, Standardisation standardisation) {
        this(feature, coefficient, Optional.of(standardisation));
    }

    @Override
    public double contribution(Object value) {
        if (!(value instanceof Double x)) {
            throw new IllegalArgumentException("feature " + feature.name() + " needs a Double, got " + value);
        }
        return coefficient * standardisation.map(s -> s.apply(x)).orElse(x);
    }
}
