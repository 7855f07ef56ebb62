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
 * A prediction made elsewhere, as a client sends it. Checked in full when made, so that nothing the database
 * would refuse ever reaches it.
 *
 * @param riskLevel      optional; derived from the thresholds when absent
 * @param predictionDate optional; defaults to the time it is recorded
 */
public record PredictionToRecord(String employeeId, Double attritionProb, String riskLevel, String modelVersion,
                                 JsonDocument featuresSnapshot, Instant predictionDate) {

    public PredictionToRecord {
        List<Violation> violations = new ArrayList<>();
        Checks.optionalText(violations, "employee_id", employeeId, Prediction.EMPLOYEE_ID_MAX);
        if (attritionProb == null) {
            violations.add(new Violation(AttritionProbability.FIELD, "is required"));
        } else {
            collect(violations, () -> new AttritionProbability(attritionProb));
        }
        if (riskLevel != null) {
            collect(violations, () -> RiskLevel.parse(riskLevel));
        }
        Checks.requiredText(violations, "model_version", modelVersion, Prediction.MODEL_VERSION_MAX);
        Checks.storableTime(violations, "prediction_date", predictionDate);
        Checks.throwIfAny(violations);
    }

    public AttritionProbability probability() {
        return new AttritionProbability(attritionProb);
    }

    private static void collect(List<Violation> violations, Runnable check) {
        try {
            check.run();
        } catch (InvalidInput invalid) {
            violations.addAll(invalid.violations());
        }
    }
}
