package dev.mlledger.domain.prediction;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which predictions a client wants listed; every criterion is optional and they combine with AND.
 * {@code from} is inclusive and {@code to} exclusive, both on {@code created_at}.
 *
 * @param principal the principal whose requests made the predictions (see {@link dev.mlledger.domain.access.Caller})
 */
public record PredictionFilter(RiskLevel riskLevel, String employeeId, String modelVersion, Instant from, Instant to,
                               Double minProb, Double maxProb, String principal) {

    public static final PredictionFilter ALL = new PredictionFilter(null, null, null, null, null, null, null, null);

    public PredictionFilter {
        List<Violation> violations = new ArrayList<>();
        Checks.optionalText(violations, "employeeId", employeeId, Prediction.EMPLOYEE_ID_MAX);
        Checks.optionalText(violations, "modelVersion", modelVersion, Prediction.MODEL_VERSION_MAX);
        Checks.optionalText(violations, "principal", principal, Caller.NAME_MAX);
        probabilityBound(violations, "minProb", minProb);
        probabilityBound(violations, "maxProb", maxProb);
        if (minProb != null && maxProb != null && minProb > maxProb) {
            violations.add(new Violation("minProb", "must not be greater than the maximum probability"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new Violation("from", "must not be after to"));
        }
        Checks.throwIfAny(violations);
    }

    /** Of any principal. */
    public PredictionFilter(RiskLevel riskLevel, String employeeId, String modelVersion, Instant from, Instant to,
                            Double minProb, Double maxProb) {
        this(riskLevel, employeeId, modelVersion, from, to, minProb, maxProb, null);
    }

    /** The high-risk predictions since then, of one principal when it is not null. */
    public static PredictionFilter highRiskSince(Instant since, String principal) {
        return new PredictionFilter(RiskLevel.HIGH, null, null, since, null, null, null, principal);
    }

    private static void probabilityBound(List<Violation> violations, String field, Double value) {
        if (value != null && (!Double.isFinite(value) || value < 0 || value > 1)) {
            violations.add(new Violation(field, "must be between 0 and 1"));
        }
    }
}
