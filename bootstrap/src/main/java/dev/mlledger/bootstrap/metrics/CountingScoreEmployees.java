package dev.mlledger.bootstrap.metrics;

import dev.mlledger.application.prediction.EmployeeToScore;
import dev.mlledger.application.prediction.RequestOrigin;
import dev.mlledger.application.prediction.ScoreEmployees;
import dev.mlledger.application.prediction.ScoredEmployees;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/** Counts the predictions the model scored, by risk level ({@code mlledger_predictions_total{source="scored"}}). */
public final class CountingScoreEmployees implements ScoreEmployees {

    private final ScoreEmployees delegate;
    private final PredictionCounters counters;

    public CountingScoreEmployees(ScoreEmployees delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.counters = new PredictionCounters(registry, "scored");
    }

    @Override
    public ScoredEmployees scoreOne(RequestOrigin origin, EmployeeToScore employee) {
        return counted(delegate.scoreOne(origin, employee));
    }

    @Override
    public ScoredEmployees scoreBatch(RequestOrigin origin, List<EmployeeToScore> employees) {
        return counted(delegate.scoreBatch(origin, employees));
    }

    private ScoredEmployees counted(ScoredEmployees scored) {
        scored.predictions().forEach(prediction -> counters.count(prediction.riskLevel()));
        return scored;
    }
}
