package dev.mlledger.application.prediction;

import dev.mlledger.domain.prediction.Prediction;

import java.util.List;
import java.util.UUID;

/** What scoring stored: the request-log id and one prediction per employee, in input order. */
public record ScoredEmployees(UUID requestId, String modelVersion, List<Prediction> predictions) {

    public ScoredEmployees {
        predictions = List.copyOf(predictions);
    }
}
