package dev.mlledger.adapters.web.prediction;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.UUID;

@Serdeable(naming = SnakeCaseStrategy.class)
public record ScoredBatchView(UUID requestId, String modelVersion, List<PredictionView> predictions) {
}
