package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.binding.Spellings;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.domain.experiment.Run;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run; {@code latest_metrics} only on {@code GET /api/v1/runs/{id}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunView(UUID id, UUID experimentId, String status, Instant startedAt, Instant endedAt, Integer seed,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> latestMetrics) {

    public RunView {
        startedAt = Spellings.time(startedAt);
        endedAt = Spellings.time(endedAt);
    }

    public static RunView of(Run run) {
        return of(run, null);
    }

    public static RunView of(Run run, Map<String, Double> latestMetrics) {
        return new RunView(run.id(), run.experimentId(), Spellings.of(run.status()), run.startedAt(), run.endedAt(),
                run.seed(), latestMetrics);
    }
}
