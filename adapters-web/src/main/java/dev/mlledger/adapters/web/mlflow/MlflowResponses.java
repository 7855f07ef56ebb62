package dev.mlledger.adapters.web.mlflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.Experiment;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.Metric;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.Run;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.RunInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * The answers of MLflow's tracking requests ({@code …Response} in {@code service.proto}). A page's
 * {@code next_page_token} is left out when there is no next page: the Java client asks for the next page whenever
 * the member is there, even empty, and would ask forever.
 */
public final class MlflowResponses {

    private MlflowResponses() {
    }

    /** The answer of a request that returns nothing: {@code {}}, since MLflow's clients parse every answer as JSON. */
    @Serdeable
    public record Empty() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record CreateExperiment(String experimentId) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record GetExperiment(Experiment experiment) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SearchExperiments(List<Experiment> experiments, @Nullable String nextPageToken) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record GetRun(Run run) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record UpdateRun(RunInfo runInfo) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SearchRuns(List<Run> runs, @Nullable String nextPageToken) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record GetMetricHistory(List<Metric> metrics, @Nullable String nextPageToken) {
    }
}
