package dev.mlledger.adapters.web.mlflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import dev.mlledger.adapters.web.mlflow.MlflowEntities.KeyValue;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.Metric;

import java.util.List;

/**
 * The bodies of MLflow's tracking requests, named and shaped as MLflow's {@code service.proto} defines them. Every
 * member is optional here (MLflow checks presence itself and so does the domain); members MLflow's clients send that
 * mlledger does not take are ignored, as MLflow ignores unknown ones. An int64 may come as a JSON number or as a
 * string of digits (protobuf's JSON, which the Java client writes).
 */
public final class MlflowRequests {

    private MlflowRequests() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CreateExperiment(@Nullable String name, @Nullable String artifactLocation,
                                   @Nullable List<KeyValue> tags) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ExperimentReference(@Nullable String experimentId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record UpdateExperiment(@Nullable String experimentId, @Nullable String newName) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SetExperimentTag(@Nullable String experimentId, @Nullable String key, @Nullable String value) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SearchExperiments(@Nullable Long maxResults, @Nullable String pageToken, @Nullable String filter,
                                    @Nullable List<String> orderBy, @Nullable String viewType) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CreateRun(@Nullable String experimentId, @Nullable String userId, @Nullable String runName,
                            @Nullable Long startTime, @Nullable List<KeyValue> tags) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record UpdateRun(@Nullable String runId, @Nullable String runUuid, @Nullable String status,
                            @Nullable Long endTime, @Nullable String runName) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RunReference(@Nullable String runId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record LogMetric(@Nullable String runId, @Nullable String runUuid, @Nullable String key,
                            @Nullable Double value, @Nullable Long timestamp, @Nullable Long step) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record LogParam(@Nullable String runId, @Nullable String runUuid, @Nullable String key,
                           @Nullable String value) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SetTag(@Nullable String runId, @Nullable String runUuid, @Nullable String key,
                         @Nullable String value) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record DeleteTag(@Nullable String runId, @Nullable String key) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record LogBatch(@Nullable String runId, @Nullable List<Metric> metrics, @Nullable List<KeyValue> params,
                           @Nullable List<KeyValue> tags) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SearchRuns(@Nullable List<String> experimentIds, @Nullable String filter,
                             @Nullable String runViewType, @Nullable Integer maxResults,
                             @Nullable List<String> orderBy, @Nullable String pageToken) {
    }
}
