package dev.mlledger.adapters.web.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/experiments/{id}/runs} (optional body), and each run of a new experiment. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "StartRunRequest")
public record StartRunRequest(@Nullable @Schema(example = "42") Integer seed) {
}
