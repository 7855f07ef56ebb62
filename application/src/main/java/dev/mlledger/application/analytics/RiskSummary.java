package dev.mlledger.application.analytics;

import java.util.Map;

/**
 * @param averageAttritionProb null when there are no predictions in the range
 * @param byModelVersion       prediction count per model version, sorted by version
 */
public record RiskSummary(long total, Double averageAttritionProb, Map<String, Long> byModelVersion) {

    public RiskSummary {
        byModelVersion = Map.copyOf(byModelVersion);
    }
}
