package dev.mlledger.adapters.web.experiment;

import dev.mlledger.application.experiment.RunToStart;
import dev.mlledger.domain.experiment.Run;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** {@code POST /api/v1/experiments/{id}/runs} (optional body). */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "NewRunRequest")
public record NewRunRequest(
        @Nullable @Schema(example = "42") Integer seed,
        @Nullable @Schema(minLength = 1, maxLength = Run.NAME_MAX, example = "bert-base-lr-0.01",
                description = "By default a made-up one (brave-otter-417)") String name,
        @Nullable @Schema(description = "ISO-8601 with offset; by default now") OffsetDateTime startedAt,
        @Nullable @Schema(description = "Tags set on the run as it starts, at most " + RunToStart.MAX_TAGS,
                example = "{\"team\": \"vision\"}") Map<String, String> tags) {
}
