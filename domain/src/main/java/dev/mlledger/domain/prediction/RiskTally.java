package dev.mlledger.domain.prediction;

import java.util.Objects;

/** How many predictions of one model fell in one risk band, and the sum of their probabilities. */
public record RiskTally(String modelVersion, RiskLevel riskLevel, long count, double probabilitySum) {

    public RiskTally {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(riskLevel, "riskLevel");
    }
}
