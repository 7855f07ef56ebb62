package dev.mlledger.domain.prediction.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogisticRegressionModelConstructionTest {

    private static final FeatureDefinition AGE = FeatureDefinition.ofNumber("age", true);
    private static final FeatureDefinition OVERTIME = FeatureDefinition.ofBoolean("overtime", true);
    private static final FeatureDefinition DEPARTMENT = FeatureDefinition.ofCategory("department", false,
            List.of("Sales", "Research & Development"));
    private static final List<FeatureTerm> TERMS = List.of(new NumberTerm(AGE, -0.45),
            new BooleanTerm(OVERTIME, 1.1), new CategoryTerm(DEPARTMENT, Map.of("Sales", 0.35)));

    @Test
    void a_model_shows_its_version_and_its_features_in_the_order_given() {
        LogisticRegressionModel model = new LogisticRegressionModel("logreg-attrition-1.0.0", -1.1, TERMS);

        assertEquals("logreg-attrition-1.0.0", model.version());
        assertEquals(List.of(AGE, OVERTIME, DEPARTMENT), model.features());
    }

    @Test
    void a_version_of_fifty_characters_is_accepted_but_not_fifty_one() {
        assertEquals(50, new LogisticRegressionModel("v".repeat(50), 0, TERMS).version().length());

        rejected(() -> new LogisticRegressionModel("v".repeat(51), 0, TERMS),
                "model version must be at most 50 characters, got 51");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_version_is_rejected(String version) {
        rejected(() -> new LogisticRegressionModel(version, 0, TERMS), "model version must not be blank");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void an_intercept_that_is_not_finite_is_rejected(double intercept) {
        rejected(() -> new LogisticRegressionModel("v1", intercept, TERMS),
                "intercept must be a finite number, got " + intercept);
    }

    @Test
    void a_model_without_features_is_rejected() {
        rejected(() -> new LogisticRegressionModel("v1", 0, List.of()), "a model needs at least one feature");
    }

    @Test
    void two_features_of_the_same_name_are_rejected() {
        rejected(() -> new LogisticRegressionModel("v1", 0, List.of(new NumberTerm(AGE, 1),
                        new BooleanTerm(FeatureDefinition.ofBoolean("age", false), 1))),
                "feature names must be unique: age appears more than once");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void a_coefficient_that_is_not_finite_is_rejected_for_every_kind_of_term(double coefficient) {
        String expected = "coefficient must be a finite number, got " + coefficient;
        rejected(() -> new NumberTerm(AGE, coefficient), expected);
        rejected(() -> new BooleanTerm(OVERTIME, coefficient), expected);
        rejected(() -> new CategoryTerm(DEPARTMENT, Map.of("Sales", coefficient)), "coefficients.Sales must be a "
                + "finite number, got " + coefficient);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void a_scale_that_is_not_a_positive_finite_number_is_rejected(double scale) {
        rejected(() -> new Standardisation(36.9, scale), "scale must be a positive finite number, got " + scale);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void a_mean_that_is_not_finite_is_rejected(double mean) {
        rejected(() -> new Standardisation(mean, 9.1), "mean must be a finite number, got " + mean);
    }

    @Test
    void a_category_without_values_is_rejected() {
        rejected(() -> FeatureDefinition.ofCategory("department", true, List.of()),
                "values must not be empty for a category feature");
    }

    @Test
    void a_category_listing_a_value_twice_is_rejected() {
        rejected(() -> FeatureDefinition.ofCategory("department", true, List.of("Sales", "HR", "Sales")),
                "values must not repeat \"Sales\"");
    }

    @Test
    void values_for_a_feature_that_is_not_a_category_are_rejected() {
        rejected(() -> new FeatureDefinition("age", FeatureType.NUMBER, true, List.of("young", "old")),
                "values are only for category features, not for a number");
    }

    @Test
    void a_coefficient_for_a_value_the_category_does_not_have_is_rejected() {
        rejected(() -> new CategoryTerm(DEPARTMENT, Map.of("Marketing", 0.1)),
                "coefficients.Marketing is not one of the feature's values (Sales, Research & Development)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void a_feature_with_a_blank_name_is_rejected(String name) {
        rejected(() -> FeatureDefinition.ofNumber(name, true), "name must not be blank");
    }

    @Test
    void a_term_for_another_type_of_feature_is_rejected() {
        // so a mean and a scale, which only a NumberTerm carries, can only ever apply to a number
        rejected(() -> new NumberTerm(OVERTIME, 1.0, new Standardisation(0.5, 0.5)),
                "type must be number for a number term, got boolean");
        rejected(() -> new BooleanTerm(AGE, 1.0), "type must be boolean for a boolean term, got number");
        rejected(() -> new CategoryTerm(AGE, Map.of()), "type must be category for a category term, got number");
    }

    private static void rejected(Executable construction, String expectedMessage) {
        IllegalArgumentException rejection = assertThrows(IllegalArgumentException.class, construction);
        assertEquals(expectedMessage, rejection.getMessage());
    }
}
