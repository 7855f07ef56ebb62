package dev.mlledger.adapters.web.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.application.experiment.ExperimentWithRuns;
import dev.mlledger.domain.experiment.Experiment;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An experiment with its runs (active and deleted: each says its lifecycle) and its tags. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExperimentView(UUID id, long number, String name, String owner, String description, String status,
                             String lifecycle, Instant createdAt, Map<String, String> tags, List<RunView> runs) {

    public ExperimentView {
        createdAt = Spellings.time(createdAt);
    }

    public static ExperimentView of(ExperimentWithRuns found) {
        Experiment experiment = found.experiment();
        return new ExperimentView(experiment.id(), experiment.number(), experiment.name(), experiment.owner(),
                experiment.description(), Spellings.of(experiment.status()), Spellings.of(experiment.lifecycle()),
                experiment.createdAt(), found.tags(), found.runs().stream().map(RunView::of).toList());
    }
}
