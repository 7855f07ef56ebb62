package dev.mlledger.domain.prediction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RiskThresholdsTest {

    private final RiskThresholds thresholds = new RiskThresholds(0.3, 0.6);

    @Test
    void below_medium_is_low() {
        assertEquals(RiskLevel.LOW, classify(0.0));
        assertEquals(RiskLevel.LOW, classify(0.29999));
    }

    @Test
    void from_medium_up_to_but_not_including_high_is_medium() {
        assertEquals(RiskLevel.MEDIUM, classify(0.3));
        assertEquals(RiskLevel.MEDIUM, classify(0.45));
        assertEquals(RiskLevel.MEDIUM, classify(Math.nextDown(0.6)));
    }

    @Test
    void from_high_up_is_high() {
        assertEquals(RiskLevel.HIGH, classify(0.6));
        assertEquals(RiskLevel.HIGH, classify(1.0));
    }

    @Test
    void a_high_threshold_of_one_leaves_only_certainty_high() {
        RiskThresholds strict = new RiskThresholds(0.5, 1.0);

        assertEquals(RiskLevel.MEDIUM, strict.classify(new AttritionProbability(0.999)));
        assertEquals(RiskLevel.HIGH, strict.classify(new AttritionProbability(1.0)));
    }

    @Test
    void the_default_bands_start_at_point_three_and_point_six() {
        assertEquals(new RiskThresholds(0.3, 0.6), RiskThresholds.DEFAULT);
    }

    @Test
    void thresholds_need_zero_below_medium_below_high_up_to_one() {
        double[][] invalid = {
                {0.0, 0.6}, {-0.1, 0.6}, {0.6, 0.6}, {0.7, 0.6}, {0.3, 1.01},
                {Double.NaN, 0.6}, {0.3, Double.NaN}, {0.3, Double.POSITIVE_INFINITY}};
        for (double[] pair : invalid) {
            assertThrows(IllegalArgumentException.class, () -> new RiskThresholds(pair[0], pair[1]),
                    () -> pair[0] + " / " + pair[1]);
        }
    }

    private RiskLevel classify(double probability) {
        return thresholds.classify(new AttritionProbability(probability));
    }
}
