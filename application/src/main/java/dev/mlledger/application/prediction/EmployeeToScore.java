package dev.mlledger.application.prediction;

import dev.mlledger.domain.json.JsonDocument;

import java.util.Map;

/**
 * One employee to score.
 *
 * @param features         as parsed from the request, checked against the model's schema by the use case
 * @param featuresSnapshot the same features as JSON text, stored with the prediction
 */
public record EmployeeToScore(String employeeId, Map<String, Object> features, JsonDocument featuresSnapshot) {
}
