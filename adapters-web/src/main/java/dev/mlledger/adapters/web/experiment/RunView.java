package dev.mlledger.adapters.web.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.application.experiment.RunDetails;
import dev.mlledger.domain.experiment.Run;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run; {@code latest_metrics}, {@code params} and {@code tags} only on {@code GET /api/v1/runs/{id}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunView(UUID id, UUID experimentId, String name, String owner, String status, String lifecycle,
                      Instant startedAt, Instant endedAt, Integer seed,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> latestMetrics,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> params,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> tags) {

    public RunView {
        startedAt = Spellings.time(startedAt);
        endedAt = Spellings.time(endedAt);
    }

    public static RunView of(Run run) {
        return new RunView(run.id(), run.experimentId(), run.name(), run.owner(), Spellings.of(run.status()),
                Spellings.of(run.lifecycle()), run.startedAt(), run.endedAt(), run.seed(), null, null, null);
    }

    public static RunView of(RunDetails details) {
        Run run = details.run();
        return new RunView(run.id(), run.experimentId(), run.name(), run.owner(), Spellings.of(run.status()),
                Spellings.of(run.lifecycle()), run.startedAt(), run.endedAt(), run.seed(), details.latestMetrics(),
                details.params(), details.tags());
    }
}
