package dev.mlledger.application.prediction;

import dev.mlledger.domain.prediction.Prediction;

/** Use case: store a prediction made elsewhere ({@code POST /api/v1/predictions}) with its request's log entry. */
public interface RecordPrediction {

    Prediction record(RequestOrigin origin, PredictionToRecord prediction);
}
