package dev.mlledger.domain.prediction.model;

import dev.mlledger.domain.prediction.AttritionProbability;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A logistic-regression attrition model: {@code p = sigmoid(intercept + Σ term contributions)}. A missing optional
 * feature contributes nothing, i.e. a standardised number counts as its mean, a boolean as false, a category as
 * none of its values.
 */
public final class LogisticRegressionModel implements AttritionModel {

    public static final int MAX_VERSION_LENGTH = 50;

    private final String version;
    private final double intercept;
    private final List<FeatureTerm> terms;
    private final FeatureSchema schema;
    /** No single addend of the log-odds may exceed this, so their sum can neither overflow nor become NaN. */
    private final double addendBound;

    /** @throws IllegalArgumentException naming what is wrong with the version, the intercept or the terms */
    public LogisticRegressionModel(String version, double intercept, List<FeatureTerm> terms) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("model version must not be blank");
        }
        if (version.length() > MAX_VERSION_LENGTH) {
            throw new IllegalArgumentException("model version must be at most " + MAX_VERSION_LENGTH
                    + " characters, got " + version.length());
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be a finite number, got " + intercept);
        }
        this.terms = List.copyOf(terms);
        if (this.terms.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one feature");
        }
        Set<String> names = new HashSet<>();
        for (FeatureTerm term : this.terms) {
            if (!names.add(term.feature().name())) {
                throw new IllegalArgumentException("feature names must be unique: " + term.feature().name()
                        + " appears more than once");
            }
        }
        this.version = version;
        this.intercept = intercept;
        this.schema = new FeatureSchema(version, this.terms.stream().map(FeatureTerm::feature).toList());
        this.addendBound = Double.MAX_VALUE / (2.0 * (this.terms.size() + 1));
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<FeatureDefinition> features() {
        return schema.definitions();
    }

    @Override
    public FeatureVector validate(Map<String, Object> rawFeatures) {
        return schema.validate(rawFeatures);
    }

    /** @throws IllegalArgumentException for a vector holding a value of the wrong kind for one of its features */
    @Override
    public AttritionProbability score(FeatureVector features) {
        Map<String, Object> values = features.asMap();
        double logOdds = bounded(intercept);
        for (FeatureTerm term : terms) {
            Object value = values.get(term.feature().name());
            if (value != null) {
                logOdds += bounded(term.contribution(value));
            }
        }
        return new AttritionProbability(sigmoid(logOdds));
    }

    /**
     * Keeps an addend finite and within {@link #addendBound}. Finite inputs can still overflow a product to ±∞, and
     * {@code 0 × ∞} is NaN where the true contribution is 0; beyond the bound the sigmoid has long saturated anyway.
     */
    private double bounded(double addend) {
        if (Double.isNaN(addend)) {
            return 0.0;
        }
        return Math.max(-addendBound, Math.min(addendBound, addend));
    }

    /** Never evaluates {@code exp} of a large positive number, so it neither overflows nor loses the small tail. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    @Override
    public String toString() {
        return "LogisticRegressionModel[" + version + ", " + terms.size() + " features]";
    }
}
