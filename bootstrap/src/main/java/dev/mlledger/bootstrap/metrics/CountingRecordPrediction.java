package dev.mlledger.bootstrap.metrics;

import dev.mlledger.application.prediction.PredictionToRecord;
import dev.mlledger.application.prediction.RecordPrediction;
import dev.mlledger.application.prediction.RequestOrigin;
import dev.mlledger.domain.prediction.Prediction;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts predictions recorded from elsewhere, by risk level ({@code mlledger_predictions_total{source="recorded"}}). */
public final class CountingRecordPrediction implements RecordPrediction {

    private final RecordPrediction delegate;
    private final PredictionCounters counters;

    public CountingRecordPrediction(RecordPrediction delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.counters = new PredictionCounters(registry, "recorded");
    }

    @Override
    public Prediction record(RequestOrigin origin, PredictionToRecord prediction) {
        Prediction recorded = delegate.record(origin, prediction);
        counters.count(recorded.riskLevel());
        return recorded;
    }
}
