package dev.mlledger.domain.prediction.model;

/** A boolean feature's term: {@code coefficient} when true, nothing when false. */
public record BooleanTerm(FeatureDefinition feature, double coefficient) implements FeatureTerm {

    public BooleanTerm {
        Terms.requireType(feature, FeatureType.BOOLEAN);
        Terms.requireFinite("coefficient", coefficient);
    }

    @Override
    public double contribution(Object value) {
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException("feature " + feature.name() + " needs a Boolean, got " + value);
        }
        return flag ? coefficient : 0.0;
    }
}
