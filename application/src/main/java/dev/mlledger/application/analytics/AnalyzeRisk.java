package dev.mlledger.application.analytics;

import dev.mlledger.domain.prediction.RiskLevel;

import java.time.Instant;
import java.util.Map;

/**
 * Use case: counts and averages over the stored predictions, optionally within [from, to) of created_at, and of one
 * principal's requests when {@code principal} is not null.
 */
public interface AnalyzeRisk {

    /** How many predictions fell in each risk level; every level is present, zeros included. */
    Map<RiskLevel, Long> distribution(Instant from, Instant to, String modelVersion, String principal);

    RiskSummary summary(Instant from, Instant to, String principal);
}
