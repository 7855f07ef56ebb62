package dev.mlledger.application.analytics;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class AnalyzeRiskService implements AnalyzeRisk {

    private final Predictions predictions;
    private final UnitOfWork unitOfWork;

    public AnalyzeRiskService(Predictions predictions, UnitOfWork unitOfWork) {
        this.predictions = predictions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Map<RiskLevel, Long> distribution(Instant from, Instant to, String modelVersion, String principal) {
        List<Violation> violations = new ArrayList<>();
        checkRange(violations, from, to);
        Checks.optionalText(violations, "principal", principal, Caller.NAME_MAX);
        Checks.optionalText(violations, "modelVersion", modelVersion, Prediction.MODEL_VERSION_MAX);
        Checks.throwIfAny(violations);
        Map<RiskLevel, Long> counts = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            counts.put(level, 0L);
        }
        for (RiskTally tally : tally(from, to, modelVersion, principal)) {
            counts.merge(tally.riskLevel(), tally.count(), Long::sum);
        }
        return counts;
    }

    @Override
    public RiskSummary summary(Instant from, Instant to, String principal) {
        List<Violation> violations = new ArrayList<>();
        checkRange(violations, from, to);
        Checks.optionalText(violations, "principal", principal, Caller.NAME_MAX);
        Checks.throwIfAny(violations);
        long total = 0;
        double sum = 0;
        Map<String, Long> byModel = new TreeMap<>();
        for (RiskTally tally : tally(from, to, null, principal)) {
            total += tally.count();
            sum += tally.probabilitySum();
            byModel.merge(tally.modelVersion(), tally.count(), Long::sum);
        }
        byModel.values().removeIf(count -> count == 0);
        Double average = total == 0 ? null : Math.min(1.0, Math.max(0.0, sum / total));
        return new RiskSummary(total, average, byModel);
    }

    private List<RiskTally> tally(Instant from, Instant to, String modelVersion, String principal) {
        return unitOfWork.read(() -> predictions.tally(from, to, modelVersion, principal));
    }

    private static void checkRange(List<Violation> violations, Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new Violation("from", "must not be after to"));
        }
    }
}
