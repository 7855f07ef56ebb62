package dev.mlledger.adapters.web.experiment;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** {@code PATCH /api/v1/runs/{id}}: how the run ended. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "FinishRunRequest")
public record FinishRunRequest(
        @NotNull(message = "is required") @Schema(allowableValues = {"completed", "failed"}) String status) {
}
