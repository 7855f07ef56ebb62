package dev.mlledger.application.prediction;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PredictionToRecordTest {

    @Test
    void every_violation_is_reported_together() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> new PredictionToRecord("E".repeat(51), 1.5, "EXTREME", null, null, null));

        assertEquals(List.of(
                new Violation("employee_id", "must be 1 to 50 characters"),
                new Violation("attrition_prob", "must be between 0 and 1"),
                new Violation("risk_level", "must be one of LOW, MEDIUM, HIGH"),
                new Violation("model_version", "is required")), invalid.violations());
    }

    @Test
    void a_missing_probability_is_required() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> new PredictionToRecord(null, null, null, "m", null, null));

        assertEquals(List.of(new Violation("attrition_prob", "is required")), invalid.violations());
    }

    @Test
    void probabilities_outside_zero_to_one_or_not_finite_are_refused() {
        for (double p : new double[] {-0.0001, 1.0001, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> new PredictionToRecord(null, p, null, "m", null, null), () -> "probability " + p);
            assertEquals(List.of(new Violation("attrition_prob", "must be between 0 and 1")), invalid.violations());
        }
    }

    @Test
    void risk_levels_are_only_the_three_upper_case_names() {
        for (String level : new String[] {"low", "Medium", "", " HIGH"}) {
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> new PredictionToRecord(null, 0.5, level, "m", null, null), () -> "level " + level);
            assertEquals("risk_level", invalid.violations().getFirst().field());
        }
    }

    @Test
    void blank_over_long_or_nul_model_versions_are_refused() {
        for (String version : new String[] {"", "   ", "m".repeat(51), "a\u0000b"}) {
            InvalidInput invalid = assertThrows(InvalidInput.class,
                    () -> new PredictionToRecord(null, 0.5, null, version, null, null), () -> "version " + version);
            assertEquals(List.of("model_version"), invalid.violations().stream().map(Violation::field).toList());
        }
    }

    @Test
    void the_bounds_are_accepted() {
        assertDoesNotThrow(() -> new PredictionToRecord("E".repeat(50), 0.0, "LOW", "m".repeat(50), null, null));
        assertDoesNotThrow(() -> new PredictionToRecord(null, 1.0, "HIGH", "m", null, null));
    }
}
