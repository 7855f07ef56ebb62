package dev.mlledger.application.prediction;

import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PredictionToRecordTest {

    @Test
    void every_violation_is_reported_together() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> new PredictionToRecord("E".repeat(51), 1.5, null, null, null, Instant.parse("+10000-01-01T00:00:00Z")));

        assertEquals(List.of(
                new Violation("employeeId", "must be 1 to 50 characters"),
                new Violation("attritionProb", "must be between 0 and 1"),
                new Violation("modelVersion", "is required"),
                new Violation("predictionDate", "must be within the years 0001 to 9999")), invalid.violations());
    }

    @Test
    void a_missing_probability_is_required() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> new PredictionToRecord(null, null, null, "m", null, null));

        assertEquals(List.of(new Violation("attritionProb", "is required")), invalid.violations());
    }

    @Test
    void probabilities_outside_zero_to_one_or_not_finite_are_refused() {
        for (double p : new double[] {-0.0001, 1.0001, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> new PredictionToRecord(null, p, null, "m", null, null), () -> "probability " + p);
            assertEquals(List.of(new Violation("attritionProb", "must be between 0 and 1")), invalid.violations());
        }
    }

    @Test
    void blank_over_long_or_nul_model_versions_are_refused() {
        for (String version : new String[] {"", "   ", "m".repeat(51), "a\u0000b"}) {
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> new PredictionToRecord(null, 0.5, null, version, null, null), () -> "version " + version);
            assertEquals(List.of("modelVersion"), invalid.violations().stream().map(Violation::field).toList());
        }
    }

    @Test
    void the_bounds_are_accepted() {
        assertDoesNotThrow(() -> new PredictionToRecord("E".repeat(50), 0.0, RiskLevel.LOW, "m".repeat(50), null, Instant.parse("0001-01-01T00:00:00Z")));
        assertDoesNotThrow(() -> new PredictionToRecord(null, 1.0, RiskLevel.HIGH, "m", null, Instant.parse("9999-12-31T23:59:59.999999999Z")));
    }
}
