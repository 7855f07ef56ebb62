package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.binding.Spellings;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.application.experiment.ExperimentWithRuns;
import dev.mlledger.domain.experiment.Experiment;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An experiment with its runs. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExperimentView(UUID id, String name, String owner, String description, String status,
                             Instant createdAt, List<RunView> runs) {

    public ExperimentView {
        createdAt = Spellings.time(createdAt);
    }

    public static ExperimentView of(ExperimentWithRuns found) {
        Experiment experiment = found.experiment();
        return new ExperimentView(experiment.id(), experiment.name(), experiment.owner(), experiment.description(),
                Spellings.of(experiment.status()), experiment.createdAt(),
                found.runs().stream().map(RunView::of).toList());
    }
}
