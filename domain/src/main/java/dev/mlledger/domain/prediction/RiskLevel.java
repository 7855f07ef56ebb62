package dev.mlledger.domain.prediction;

import dev.mlledger.domain.validation.InvalidInput;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How likely an employee is to leave, in three bands (see {@link RiskThresholds}). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH;

    public static final String FIELD = "risk_level";

    /** @throws InvalidInput unless {@code text} is exactly LOW, MEDIUM or HIGH */
    public static RiskLevel parse(String text) {
        for (RiskLevel level : values()) {
            if (level.name().equals(text)) {
                return level;
            }
        }
        throw new InvalidInput(FIELD, "must be one of " + Arrays.stream(values()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }
}
