package dev.mlledger.adapters.web.mlflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * MLflow's entities as its {@code service.proto} names them, written the way MLflow's server writes them: absent,
 * empty and null members left out (protobuf's JSON), int64 times as JSON numbers of milliseconds, enums in capitals
 * ({@code RUNNING}), lifecycle stages in lower case ({@code active}).
 */
public final class MlflowEntities {

    private MlflowEntities() {
    }

    /** A param, a run tag or an experiment tag. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyValue(@Nullable String key, @Nullable String value) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metric(@Nullable String key, @Nullable Double value, @Nullable Long timestamp, @Nullable Long step) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Experiment(String experimentId, String name, String artifactLocation, String lifecycleStage,
                             Long lastUpdateTime, Long creationTime, List<KeyValue> tags) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RunInfo(String runId, String runUuid, String runName, String experimentId, String userId,
                          String status, Long startTime, @Nullable Long endTime, String artifactUri,
                          String lifecycleStage) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RunData(List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Run(RunInfo info, RunData data) {
    }
}
