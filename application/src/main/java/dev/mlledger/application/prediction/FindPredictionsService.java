package dev.mlledger.application.prediction;

import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

public final class FindPredictionsService implements FindPredictions {

    private final Predictions predictions;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public FindPredictionsService(Predictions predictions, UnitOfWork unitOfWork, Clock clock) {
        this.predictions = predictions;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Prediction byId(UUID id) {
        return unitOfWork.read(() -> predictions.find(id)).orElseThrow(() -> new NotFound("prediction " + id));
    }

    @Override
    public Page<Prediction> list(PredictionFilter filter, Keyset after, PageLimit limit) {
        return unitOfWork.read(() -> predictions.list(filter, after, limit.value()));
    }

    @Override
    public Page<Prediction> highRisk(int days, String principal, Keyset after, PageLimit limit) {
        if (days < 1 || days > MAX_HIGH_RISK_DAYS) {
            throw new InvalidInput("days", "must be between 1 and " + MAX_HIGH_RISK_DAYS);
        }
        PredictionFilter filter = PredictionFilter.highRiskSince(clock.instant().minus(Duration.ofDays(days)), principal);
        return list(filter, after, limit);
    }
}
