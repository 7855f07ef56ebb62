package dev.mlledger.domain.prediction.model;

/**
 * One feature's part of a logistic-regression model: the feature and the weights that turn its value into a
 * contribution to the log-odds. Messages of the terms' {@code IllegalArgumentException}s name the offending
 * component ("coefficient must be…") so a loader can prefix where in its file the term came from.
 */
public sealed interface FeatureTerm permits NumberTerm, BooleanTerm, CategoryTerm {

    FeatureDefinition feature();

    /**
     * What a present value adds to the log-odds. An absent feature adds nothing and is not asked.
     *
     * @throws IllegalArgumentException for a value of the wrong kind (one the feature's validation would reject)
     */
    double contribution(Object value);
}
