package dev.mlledger.domain.prediction;

/**
 * Where the risk bands start: {@code p < medium} is LOW, {@code p < high} is MEDIUM, anything else HIGH.
 * Requires {@code 0 < medium < high <= 1}.
 */
public record RiskThresholds(double medium, double high) {

    public static final RiskThresholds DEFAULT = new RiskThresholds(0.3, 0.6);

    public RiskThresholds {
        if (!(Double.isFinite(medium) && Double.isFinite(high) && 0.0 < medium && medium < high && high <= 1.0)) {
            throw new IllegalArgumentException(
                    "risk thresholds need 0 < medium < high <= 1, got medium=" + medium + ", high=" + high);
        }
    }

    public RiskLevel classify(AttritionProbability probability) {
        double p = probability.value();
        if (p < medium) {
            return RiskLevel.LOW;
        }
        return p < high ? RiskLevel.MEDIUM : RiskLevel.HIGH;
    }
}
