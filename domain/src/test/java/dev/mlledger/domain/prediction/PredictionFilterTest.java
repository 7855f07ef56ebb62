package dev.mlledger.domain.prediction;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PredictionFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void a_filter_without_criteria_selects_everything() {
        PredictionFilter all = PredictionFilter.ALL;

        assertNull(all.riskLevel());
        assertNull(all.from());
        assertNull(all.minProb());
    }

    @Test
    void high_risk_since_selects_high_predictions_from_that_instant_on() {
        assertEquals(new PredictionFilter(RiskLevel.HIGH, null, null, T0, null, null, null),
                PredictionFilter.highRiskSince(T0, null));
    }

    @Test
    void probability_bounds_from_zero_to_one_are_accepted_and_may_be_equal() {
        assertDoesNotThrow(() -> probabilities(0.0, 1.0));
        assertDoesNotThrow(() -> probabilities(0.4, 0.4));
        assertDoesNotThrow(() -> probabilities(1.0, null));
        assertDoesNotThrow(() -> probabilities(null, 0.0));
    }

    @Test
    void a_probability_bound_outside_zero_to_one_or_not_finite_is_invalid() {
        for (double bound : new double[] {-0.01, 1.01, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            assertThrows(InvalidInput.class, () -> probabilities(bound, null), () -> "min " + bound);
            assertThrows(InvalidInput.class, () -> probabilities(null, bound), () -> "max " + bound);
        }
    }

    @Test
    void a_minimum_above_the_maximum_is_invalid() {
        assertThrows(InvalidInput.class, () -> probabilities(0.6, 0.5));
    }

    @Test
    void from_may_equal_to_but_not_come_after_it() {
        assertDoesNotThrow(() -> between(T0, T0));
        assertDoesNotThrow(() -> between(T0, T0.plusNanos(1)));
        assertThrows(InvalidInput.class, () -> between(T0.plusNanos(1), T0));
    }

    @Test
    void every_problem_of_a_filter_is_reported_at_once() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> new PredictionFilter(
                null, "\u0000bob", "", T0.plusSeconds(1), T0, 2.0, -1.0));

        assertEquals(6, invalid.violations().size(), invalid.getMessage());
    }

    @Test
    void an_employee_id_or_model_version_with_a_nul_or_over_fifty_characters_is_invalid() {
        assertThrows(InvalidInput.class, () -> new PredictionFilter(null, "\u0000", null, null, null, null, null));
        assertThrows(InvalidInput.class, () -> new PredictionFilter(null, "e".repeat(51), null, null, null, null, null));
        assertThrows(InvalidInput.class, () -> new PredictionFilter(null, null, "\u0000m", null, null, null, null));
        assertThrows(InvalidInput.class, () -> new PredictionFilter(null, null, "m".repeat(51), null, null, null, null));
        assertDoesNotThrow(() -> new PredictionFilter(null, "e".repeat(50), "m".repeat(50), null, null, null, null));
    }

    private static PredictionFilter probabilities(Double min, Double max) {
        return new PredictionFilter(null, null, null, null, null, min, max);
    }

    private static PredictionFilter between(Instant from, Instant to) {
        return new PredictionFilter(null, null, null, from, to, null, null);
    }
}
