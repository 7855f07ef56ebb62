package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricPointTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void step_zero_is_the_first_step() {
        assertEquals(0, new MetricPoint("loss", 0, 0.9, T0).step());
    }

    @Test
    void a_negative_step_is_invalid() {
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", -1, 0.9, T0));
        assertThrows(InvalidInput.class, () -> new MetricPoint("loss", Integer.MIN_VALUE, 0.9, T0));
    }

    @Test
    void any_finite_value_is_taken_including_zero_and_negatives() {
        assertEquals(0.0, new MetricPoint("delta", 1, 0.0, T0).value());
        assertEquals(-Double.MAX_VALUE, new MetricPoint("delta", 1, -Double.MAX_VALUE, T0).value());
        assertThrows(InvalidInput.class, () -> new MetricPoint("delta", 1, Double.NEGATIVE_INFINITY, T0));
    }

    @Test
    void a_metric_name_with_a_nul_character_is_invalid_even_as_its_first_character() {
        assertThrows(InvalidInput.class, () -> new MetricPoint("\u0000loss", 1, 0.9, T0));
    }

    @Test
    void a_name_step_and_value_that_are_all_wrong_are_reported_together() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> new MetricPoint(null, -1, Double.NaN, T0));

        assertEquals(3, invalid.violations().size(), invalid.getMessage());
    }

    @Test
    void a_point_needs_a_timestamp() {
        assertThrows(NullPointerException.class, () -> new MetricPoint("loss", 1, 0.9, null));
    }
}
