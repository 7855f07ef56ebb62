package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentSummary;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/** An experiment in a list, with its number of runs. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ExperimentListItem(UUID id, long number, String name, String owner, String status, String lifecycle,
                                 Instant createdAt, long runCount) {

    public ExperimentListItem {
        createdAt = Spellings.time(createdAt);
    }

    public static ExperimentListItem of(ExperimentSummary summary) {
        Experiment experiment = summary.experiment();
        return new ExperimentListItem(experiment.id(), experiment.number(), experiment.name(), experiment.owner(),
                Spellings.of(experiment.status()), Spellings.of(experiment.lifecycle()), experiment.createdAt(),
                summary.runCount());
    }
}
