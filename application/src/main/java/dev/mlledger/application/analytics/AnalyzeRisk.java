package dev.mlledger.application.analytics;

import dev.mlledger.domain.prediction.RiskLevel;

import java.time.Instant;
import java.util.Map;

/** Use case: counts and averages over the stored predictions, optionally within [from, to) of created_at. */
public interface AnalyzeRisk {

    /** How many predictions fell in each risk level; every level is present, zeros included. */
    Map<RiskLevel, Long> distribution(Instant from, Instant to, String modelVersion);

    RiskSummary summary(Instant from, Instant to);
}
