package dev.mlledger.domain.prediction;

import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.validation.Checks;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored prediction: who, how likely to leave, in which band, by which model, from which features,
 * made by which logged API request.
 *
 * @param employeeId       optional, at most {@value #EMPLOYEE_ID_MAX} characters
 * @param featuresSnapshot the features the probability was computed from; optional for recorded predictions
 */
public record Prediction(UUID id, UUID requestId, Instant createdAt, Instant predictionDate, String employeeId,
                         AttritionProbability probability, RiskLevel riskLevel, String modelVersion,
                         JsonDocument featuresSnapshot) {

    public static final int EMPLOYEE_ID_MAX = 50;
    public static final int MODEL_VERSION_MAX = 50;

    public Prediction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(predictionDate, "predictionDate");
        Objects.requireNonNull(probability, "probability");
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (employeeId != null && (Checks.characters(employeeId) > EMPLOYEE_ID_MAX || Checks.containsNul(employeeId))) {
            throw new IllegalArgumentException("employee id must be at most " + EMPLOYEE_ID_MAX + " characters without NUL");
        }
        if (modelVersion.isBlank() || Checks.characters(modelVersion) > MODEL_VERSION_MAX || Checks.containsNul(modelVersion)) {
            throw new IllegalArgumentException("model version must be 1 to " + MODEL_VERSION_MAX + " characters without NUL");
        }
    }
}
