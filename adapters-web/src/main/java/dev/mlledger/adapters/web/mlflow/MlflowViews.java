package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.adapters.web.mlflow.MlflowEntities.KeyValue;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.Metric;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.RunInfo;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;

import java.util.List;
import java.util.Map;

/**
 * mlledger's experiments and runs as MLflow's entities. Artifacts are not kept: an experiment's
 * {@code artifact_location} and a run's {@code artifact_uri} name where they would be
 * ({@code mlledger-artifacts:/<experiment>/<run>}), a scheme no MLflow client can write to, so that an upload fails
 * at once instead of landing somewhere unexpected.
 */
final class MlflowViews {

    static final String ARTIFACT_SCHEME = "mlledger-artifacts:/";

    private MlflowViews() {
    }

    static MlflowEntities.Experiment experiment(Experiment experiment, Map<String, String> tags) {
        String id = MlflowIds.experimentId(experiment.number());
        long created = experiment.createdAt().toEpochMilli();
        return new MlflowEntities.Experiment(id, experiment.name(), ARTIFACT_SCHEME + id,
                MlflowSpellings.of(experiment.lifecycle()), created, created, keyValues(tags));
    }

    static RunInfo runInfo(Run run, long experimentNumber) {
        String runId = MlflowIds.runId(run.id());
        String experimentId = MlflowIds.experimentId(experimentNumber);
        return new RunInfo(runId, runId, run.name(), experimentId, run.owner(), MlflowSpellings.of(run.status()),
                MlflowIds.millis(run.startedAt()), MlflowIds.millis(run.endedAt()),
                ARTIFACT_SCHEME + experimentId + "/" + runId, MlflowSpellings.of(run.lifecycle()));
    }

    static Metric metric(MetricPoint point) {
        return new Metric(point.name(), point.value(), point.timestamp().toEpochMilli(), point.step());
    }

    static List<KeyValue> keyValues(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> new KeyValue(entry.getKey(), entry.getValue())).toList();
    }
}
