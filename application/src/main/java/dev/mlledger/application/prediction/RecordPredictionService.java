package dev.mlledger.application.prediction;

import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskThresholds;
import dev.mlledger.domain.transaction.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class RecordPredictionService implements RecordPrediction {

    private final RiskThresholds thresholds;
    private final Predictions predictions;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RecordPredictionService(RiskThresholds thresholds, Predictions predictions, UnitOfWork unitOfWork,
                                   Clock clock) {
        this.thresholds = thresholds;
        this.predictions = predictions;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Prediction record(RequestOrigin origin, PredictionToRecord given) {
        Instant now = clock.instant();
        UUID requestId = Ids.newId();
        AttritionProbability probability = given.probability();
        RiskLevel risk = given.riskLevel() == null ? thresholds.classify(probability) : given.riskLevel();
        Prediction prediction = new Prediction(Ids.newId(), requestId, now,
                given.predictionDate() == null ? now : given.predictionDate(), given.employeeId(), probability, risk,
                given.modelVersion(), given.featuresSnapshot());
        unitOfWork.write(() -> {
            predictions.addAll(origin.logEntry(requestId, now), List.of(prediction));
            return null;
        });
        return prediction;
    }
}
