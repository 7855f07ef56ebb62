package dev.mlledger.application.prediction;

import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A prediction made elsewhere. Checked in full when made, so that nothing a store would refuse ever reaches it;
 * violations are named by component ({@code attritionProb}).
 *
 * @param riskLevel      optional; derived from the thresholds when absent
 * @param predictionDate optional; defaults to the time it is recorded
 */
public record PredictionToRecord(String employeeId, Double attritionProb, RiskLevel riskLevel, String modelVersion,
                                 JsonDocument featuresSnapshot, Instant predictionDate) {

    public PredictionToRecord {
        List<Violation> violations = new ArrayList<>();
        Checks.optionalText(violations, "employeeId", employeeId, Prediction.EMPLOYEE_ID_MAX);
        if (attritionProb == null) {
            violations.add(new Violation("attritionProb", "is required"));
        } else {
            try {
                new AttritionProbability(attritionProb);
            } catch (InvalidInput invalid) {
                violations.addAll(invalid.under("attritionProb").violations());
            }
        }
        Checks.requiredText(violations, "modelVersion", modelVersion, Prediction.MODEL_VERSION_MAX);
        Checks.storableTime(violations, "predictionDate", predictionDate);
        Checks.throwIfAny(violations);
    }

    public AttritionProbability probability() {
        return new AttritionProbability(attritionProb);
    }
}
