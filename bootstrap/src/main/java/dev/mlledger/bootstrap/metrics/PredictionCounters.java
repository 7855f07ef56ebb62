package dev.mlledger.bootstrap.metrics;

import dev.mlledger.domain.prediction.RiskLevel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/** {@code mlledger_predictions_total}, one counter per risk level, for one source (scored or recorded). */
final class PredictionCounters {

    private final Map<RiskLevel, Counter> byRiskLevel = new EnumMap<>(RiskLevel.class);

    PredictionCounters(MeterRegistry registry, String source) {
        for (RiskLevel level : RiskLevel.values()) {
            byRiskLevel.put(level, Counter.builder("mlledger.predictions")
                    .description("Predictions stored, by risk level and by source (scored here or recorded from elsewhere)")
                    .tag("risk_level", level.name())
                    .tag("source", source)
                    .register(registry));
        }
    }

    void count(RiskLevel level) {
        byRiskLevel.get(level).increment();
    }
}
