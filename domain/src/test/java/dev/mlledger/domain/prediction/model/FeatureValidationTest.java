package dev.mlledger.domain.prediction.model;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeatureValidationTest {

    private static final String VERSION = "logreg-test-1";

    private final AttritionModel model = new LogisticRegressionModel(VERSION, -1.0, List.of(
            new NumberTerm(FeatureDefinition.ofNumber("age", true), -0.5, new Standardisation(40, 10)),
            new BooleanTerm(FeatureDefinition.ofBoolean("overtime", true), 1.1),
            new CategoryTerm(FeatureDefinition.ofCategory("department", false,
                    List.of("Sales", "Research & Development", "Human Resources")), Map.of("Sales", 0.35)),
            new NumberTerm(FeatureDefinition.ofNumber("distance_from_home", false), 0.02)));

    @Test
    void valid_features_come_back_in_schema_order_with_every_number_as_a_double() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("department", "Sales");
        raw.put("overtime", true);
        raw.put("age", 41);
        raw.put("distance_from_home", 12L);

        FeatureVector vector = model.validate(raw);

        assertEquals(List.of("age", "overtime", "department", "distance_from_home"),
                new ArrayList<>(vector.asMap().keySet()));
        assertEquals(41.0, vector.asMap().get("age"));
        assertEquals(12.0, vector.asMap().get("distance_from_home"));
        assertEquals(true, vector.asMap().get("overtime"));
        assertEquals("Sales", vector.asMap().get("department"));
    }

    @Test
    void any_kind_of_number_is_accepted_for_a_number_feature() {
        for (Number age : List.of(41, 41L, 41.0f, new BigDecimal("41.0"), BigInteger.valueOf(41), (short) 41)) {
            FeatureVector vector = model.validate(features("age", age, "overtime", false));

            assertEquals(41.0, vector.asMap().get("age"), () -> "for a " + age.getClass().getSimpleName());
        }
    }

    @Test
    void the_accepted_features_cannot_be_changed_afterwards() {
        FeatureVector vector = model.validate(features("age", 41.0, "overtime", false));

        assertThrows(UnsupportedOperationException.class, () -> vector.asMap().put("age", 99.0));
    }

    @Test
    void a_missing_required_feature_is_rejected_naming_it() {
        InvalidInput rejection = assertThrows(InvalidInput.class, () -> model.validate(features("overtime", true)));

        assertEquals(List.of(new Violation("age", "is required")), rejection.violations());
    }

    @Test
    void a_null_for_a_required_feature_is_rejected_as_missing() {
        InvalidInput rejection = assertThrows(InvalidInput.class,
                () -> model.validate(features("age", null, "overtime", true)));

        assertEquals(List.of(new Violation("age", "is required")), rejection.violations());
    }

    @Test
    void a_null_for_an_optional_feature_counts_as_leaving_it_out() {
        FeatureVector vector = model.validate(features("age", 30.0, "overtime", true, "department", null));

        assertEquals(Map.of("age", 30.0, "overtime", true), vector.asMap());
    }

    @Test
    void optional_features_may_be_left_out() {
        FeatureVector vector = model.validate(features("age", 30.0, "overtime", false));

        assertEquals(List.of("age", "overtime"), new ArrayList<>(vector.asMap().keySet()));
    }

    @Test
    void an_unknown_feature_is_rejected_naming_the_model() {
        InvalidInput rejection = assertThrows(InvalidInput.class,
                () -> model.validate(features("age", 30.0, "overtime", true, "shoe_size", 44)));

        assertEquals(List.of(new Violation("shoe_size", "is not a feature of model " + VERSION)),
                rejection.violations());
    }

    @Test
    void feature_names_are_case_sensitive() {
        InvalidInput rejection = assertThrows(InvalidInput.class,
                () -> model.validate(features("Age", 30.0, "overtime", true)));

        assertEquals(List.of(new Violation("age", "is required"),
                new Violation("Age", "is not a feature of model " + VERSION)), rejection.violations());
    }

    @Test
    void something_other_than_a_number_for_a_number_feature_is_rejected() {
        for (Object notANumber : List.of("41", true, List.of(41), Map.of("value", 41))) {
            InvalidInput rejection = assertThrows(InvalidInput.class,
                    () -> model.validate(features("age", notANumber, "overtime", true)));

            assertEquals(List.of(new Violation("age", "must be a number")), rejection.violations(),
                    () -> "for " + notANumber);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void a_number_that_is_not_finite_is_rejected(double overflowed) {
        InvalidInput rejection = assertThrows(InvalidInput.class,
                () -> model.validate(features("age", overflowed, "overtime", true)));

        assertEquals(List.of(new Violation("age", "must be a finite number")), rejection.violations());
    }

    @Test
    void a_big_decimal_too_large_for_a_double_is_rejected_as_not_finite() {
        InvalidInput rejection = assertThrows(InvalidInput.class,
                () -> model.validate(features("age", new BigDecimal("1e400"), "overtime", true)));

        assertEquals(List.of(new Violation("age", "must be a finite number")), rejection.violations());
    }

    @Test
    void something_other_than_true_or_false_for_a_boolean_feature_is_rejected() {
        for (Object notABoolean : List.of("true", 1, 0.0, List.of(true))) {
            InvalidInput rejection = assertThrows(InvalidInput.class,
                    () -> model.validate(features("age", 30.0, "overtime", notABoolean)));

            assertEquals(List.of(new Violation("overtime", "must be true or false")), rejection.violations(),
                    () -> "for " + notABoolean);
        }
    }

    @Test
    void a_category_value_outside_the_allowed_ones_is_rejected_listing_them() {
        for (Object notAllowed : List.of("Marketing", "sales", "", 1, true, List.of("Sales"))) {
            InvalidInput rejection = assertThrows(InvalidInput.class,
                    () -> model.validate(features("age", 30.0, "overtime", true, "department", notAllowed)));

            assertEquals(List.of(new Violation("department",
                            "must be one of Sales, Research & Development, Human Resources")),
                    rejection.violations(), () -> "for " + notAllowed);
        }
    }

    @Test
    void every_violation_is_reported_at_once_in_schema_order_then_unknown_names_sorted() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("zodiac", "Leo");
        raw.put("distance_from_home", "far");
        raw.put("department", "Marketing");
        raw.put("overtime", "yes");
        raw.put("badge", 7);

        InvalidInput rejection = assertThrows(InvalidInput.class, () -> model.validate(raw));

        assertEquals(List.of(
                new Violation("age", "is required"),
                new Violation("overtime", "must be true or false"),
                new Violation("department", "must be one of Sales, Research & Development, Human Resources"),
                new Violation("distance_from_home", "must be a number"),
                new Violation("badge", "is not a feature of model " + VERSION),
                new Violation("zodiac", "is not a feature of model " + VERSION)), rejection.violations());
    }

    @Test
    void no_features_at_all_reports_every_required_one() {
        InvalidInput rejection = assertThrows(InvalidInput.class, () -> model.validate(Map.of()));

        assertEquals(List.of(new Violation("age", "is required"),
                new Violation("overtime", "is required")), rejection.violations());
    }

    @Test
    void a_missing_features_object_is_rejected_as_required() {
        InvalidInput rejection = assertThrows(InvalidInput.class, () -> model.validate(null));

        assertEquals(List.of(new Violation("", "is required")), rejection.violations());
    }

    /** A map that, like one parsed from JSON, may hold nulls. */
    private static Map<String, Object> features(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
