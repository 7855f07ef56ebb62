package dev.mlledger.domain.prediction;

import dev.mlledger.domain.validation.InvalidInput;

/** The probability that an employee leaves: a finite number in [0, 1]. */
public record AttritionProbability(double value) {

    public AttritionProbability {
        if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
            throw new InvalidInput("", "must be between 0 and 1");
        }
    }
}
