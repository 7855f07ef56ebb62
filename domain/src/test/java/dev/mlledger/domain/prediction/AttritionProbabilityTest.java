package dev.mlledger.domain.prediction;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttritionProbabilityTest {

    @Test
    void zero_one_and_everything_between_are_probabilities() {
        for (double p : new double[] {0.0, Double.MIN_VALUE, 0.5, Math.nextDown(1.0), 1.0}) {
            assertEquals(p, new AttritionProbability(p).value());
        }
    }

    @Test
    void anything_outside_zero_to_one_or_not_finite_is_invalid_input() {
        for (double p : new double[] {-Double.MIN_VALUE, -1.0, Math.nextUp(1.0), 2.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(InvalidInput.class, () -> new AttritionProbability(p), () -> "p = " + p);
        }
    }
}
