package dev.mlledger.adapters.web.experiment;

import dev.mlledger.application.experiment.NewExperiment;
import dev.mlledger.domain.experiment.Experiment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/experiments}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "CreateExperimentRequest")
public record CreateExperimentRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Experiment.NAME_MAX, example = "baseline") String name,
        @Nullable @Schema(minLength = 1, maxLength = Experiment.OWNER_MAX, example = "alice", description = "Who the experiment belongs to; by default the caller. Only an admin may name another owner") String owner,
        @Nullable @Schema(maxLength = Experiment.DESCRIPTION_MAX) String description,
        @Nullable
        @ArraySchema(maxItems = NewExperiment.MAX_RUNS, arraySchema = @Schema(description = "Runs created with the "
                + "experiment, in the same transaction; the experiment is then running"))
        List<StartRunRequest> runs,
        @Nullable @Schema(description = "Tags set on the experiment as it is created: key (1-250 characters) to value "
                + "(0-8000 characters), at most " + NewExperiment.MAX_TAGS, example = "{\"team\": \"vision\"}")
        Map<String, String> tags) {
}
