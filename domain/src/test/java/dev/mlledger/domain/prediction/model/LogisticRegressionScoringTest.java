package dev.mlledger.domain.prediction.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticRegressionScoringTest {

    private static final double EXACT = 1e-15;

    private static final FeatureDefinition AGE = FeatureDefinition.ofNumber("age", true);
    private static final FeatureDefinition OVERTIME = FeatureDefinition.ofBoolean("overtime", false);
    private static final FeatureDefinition DEPARTMENT = FeatureDefinition.ofCategory("department", false,
            List.of("Sales", "Research & Development", "Human Resources"));

    private final LogisticRegressionModel model = new LogisticRegressionModel("logreg-test-1", -1.1, List.of(
            new NumberTerm(AGE, -0.45, new Standardisation(36.9, 9.1)),
            new BooleanTerm(OVERTIME, 1.1),
            new CategoryTerm(DEPARTMENT, Map.of("Sales", 0.35, "Human Resources", 0.2))));

    @Test
    void zero_log_odds_give_one_half() {
        LogisticRegressionModel even = new LogisticRegressionModel("even", 0.0, List.of(new NumberTerm(AGE, 0.3)));

        assertEquals(0.5, score(even, Map.of("age", 0.0)), EXACT);
    }

    @Test
    void a_plain_number_contributes_its_coefficient_times_its_value() {
        LogisticRegressionModel plain = new LogisticRegressionModel("plain", -1.0,
                List.of(new NumberTerm(FeatureDefinition.ofNumber("monthly_income", true), 0.0004)));

        // sigmoid(-1 + 0.0004 × 5000) = sigmoid(1)
        assertEquals(0.7310585786300049, score(plain, Map.of("monthly_income", 5000)), EXACT);
    }

    @Test
    void a_standardised_number_is_centred_and_scaled_before_its_coefficient() {
        // sigmoid(-1.1 - 0.45 × (28 - 36.9) / 9.1)
        assertEquals(0.34076429726948293, score(model, Map.of("age", 28)), EXACT);
    }

    @Test
    void a_number_at_its_mean_contributes_nothing() {
        // sigmoid(-1.1)
        assertEquals(0.24973989440488234, score(model, Map.of("age", 36.9)), EXACT);
    }

    @Test
    void a_true_boolean_adds_its_coefficient_and_a_false_one_nothing() {
        assertEquals(0.5, score(model, Map.of("age", 36.9, "overtime", true)), EXACT);
        assertEquals(0.24973989440488234, score(model, Map.of("age", 36.9, "overtime", false)), EXACT);
    }

    @Test
    void a_category_adds_the_coefficient_of_its_value_only() {
        // sigmoid(-1.1 + 0.35), sigmoid(-1.1 + 0.2)
        assertEquals(0.320821300824607, score(model, Map.of("age", 36.9, "department", "Sales")), EXACT);
        assertEquals(0.289050497374996, score(model, Map.of("age", 36.9, "department", "Human Resources")), EXACT);
    }

    @Test
    void a_category_value_without_a_coefficient_contributes_nothing() {
        assertEquals(0.24973989440488234,
                score(model, Map.of("age", 36.9, "department", "Research & Development")), EXACT);
    }

    @Test
    void all_terms_add_up() {
        // sigmoid(-1.1 - 0.45 × (28 - 36.9) / 9.1 + 1.1 + 0.35)
        assertEquals(0.687854925633296,
                score(model, Map.of("age", 28, "overtime", true, "department", "Sales")), EXACT);
    }

    @Test
    void a_missing_optional_feature_scores_like_a_mean_a_false_or_no_category() {
        LogisticRegressionModel withOptionalAge = new LogisticRegressionModel("optional", 0.4, List.of(
                new NumberTerm(FeatureDefinition.ofNumber("age", false), -0.45, new Standardisation(36.9, 9.1)),
                new BooleanTerm(OVERTIME, 1.1),
                new CategoryTerm(DEPARTMENT, Map.of("Sales", 0.35, "Research & Development", -0.1,
                        "Human Resources", 0.2))));

        double nothingGiven = score(withOptionalAge, Map.of());

        assertEquals(0.598687660112452, nothingGiven, EXACT); // sigmoid(0.4)
        assertEquals(nothingGiven, score(withOptionalAge, Map.of("age", 36.9, "overtime", false)), EXACT);
    }

    @Test
    void extreme_log_odds_saturate_at_zero_and_one() {
        LogisticRegressionModel certain = new LogisticRegressionModel("certain", 0.0,
                List.of(new NumberTerm(AGE, 1.0)));

        assertEquals(1.0, score(certain, Map.of("age", 1e6)));
        assertEquals(0.0, score(certain, Map.of("age", -1e6)));
        assertEquals(4.5397868702434395e-5, score(certain, Map.of("age", -10)), 1e-18);
    }

    @Test
    void contributions_that_overflow_still_give_a_probability() {
        LogisticRegressionModel overflowing = new LogisticRegressionModel("overflow", 0.0, List.of(
                new NumberTerm(FeatureDefinition.ofNumber("a", true), 1e308, new Standardisation(-1e308, 1e-300)),
                new NumberTerm(FeatureDefinition.ofNumber("b", true), -1e308, new Standardisation(-1e308, 1e-300)),
                new NumberTerm(FeatureDefinition.ofNumber("c", true), 0.0, new Standardisation(-1e308, 1e-300))));

        // a and b overflow to +∞ and −∞ (their sum would be NaN), c to 0 × ∞
        double p = score(overflowing, Map.of("a", 1e308, "b", 1e308, "c", 1e308));

        assertEquals(0.5, p, EXACT);
    }

    @Test
    void a_vector_with_a_value_of_the_wrong_kind_is_refused() {
        FeatureVector mismatched = new FeatureVector(Map.of("age", "old"));

        assertThrows(IllegalArgumentException.class, () -> model.score(mismatched));
    }

    @Test
    void every_score_of_random_models_and_features_is_a_probability() {
        Random random = new Random(20_260_101L);
        for (int round = 0; round < 5_000; round++) {
            LogisticRegressionModel randomModel = randomModel(random, round);
            Map<String, Object> raw = randomFeatures(random, randomModel.features());

            double p = randomModel.score(randomModel.validate(raw)).value();

            assertTrue(p >= 0.0 && p <= 1.0, "round " + round + " scored " + p);
        }
    }

    private static double score(AttritionModel model, Map<String, Object> raw) {
        return model.score(model.validate(raw)).value();
    }

    private static LogisticRegressionModel randomModel(Random random, int round) {
        int size = 1 + random.nextInt(12);
        List<FeatureTerm> terms = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = "f" + i;
            boolean required = random.nextBoolean();
            terms.add(switch (random.nextInt(3)) {
                case 0 -> random.nextBoolean()
                        ? new NumberTerm(FeatureDefinition.ofNumber(name, required), wideDouble(random))
                        : new NumberTerm(FeatureDefinition.ofNumber(name, required), wideDouble(random),
                        new Standardisation(wideDouble(random), Math.abs(wideDouble(random)) + Double.MIN_VALUE));
                case 1 -> new BooleanTerm(FeatureDefinition.ofBoolean(name, required), wideDouble(random));
                default -> {
                    List<String> values = List.of("a", "b", "c");
                    Map<String, Double> coefficients = new LinkedHashMap<>();
                    for (String value : values) {
                        if (random.nextBoolean()) {
                            coefficients.put(value, wideDouble(random));
                        }
                    }
                    yield new CategoryTerm(FeatureDefinition.ofCategory(name, required, values), coefficients);
                }
            });
        }
        return new LogisticRegressionModel("random-" + round, wideDouble(random), terms);
    }

    private static Map<String, Object> randomFeatures(Random random, List<FeatureDefinition> schema) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (FeatureDefinition feature : schema) {
            if (!feature.required() && random.nextInt(4) == 0) {
                continue;
            }
            raw.put(feature.name(), switch (feature.type()) {
                case NUMBER -> wideDouble(random);
                case BOOLEAN -> random.nextBoolean();
                case CATEGORY -> feature.values().get(random.nextInt(feature.values().size()));
            });
        }
        return raw;
    }

    /** Ordinary values mostly, but zeros and magnitudes up to the edge of the double range too. */
    private static double wideDouble(Random random) {
        double sign = random.nextBoolean() ? 1 : -1;
        return switch (random.nextInt(4)) {
            case 0 -> 0.0;
            case 1 -> sign * random.nextDouble() * 10;
            case 2 -> sign * Math.pow(10, random.nextDouble() * 12 - 6);
            default -> sign * Double.MAX_VALUE * random.nextDouble();
        };
    }
}
