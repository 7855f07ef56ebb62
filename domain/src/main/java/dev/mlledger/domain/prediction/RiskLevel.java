package dev.mlledger.domain.prediction;

/** How likely an employee is to leave, in three bands (see {@link RiskThresholds}). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
