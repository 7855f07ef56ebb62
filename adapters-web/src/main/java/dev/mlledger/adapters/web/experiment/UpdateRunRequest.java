package dev.mlledger.adapters.web.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

/** {@code PATCH /api/v1/runs/{id}}: end it, rename it, or both. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "UpdateRunRequest", description = "status, name, or both")
public record UpdateRunRequest(
        @Nullable @Schema(allowableValues = {"completed", "failed", "killed"},
                description = "How the run ended; ending it again the same way is no change, another way is a 409")
        String status,
        @Nullable @Schema(minLength = 1, maxLength = 250) String name,
        @Nullable @Schema(description = "ISO-8601 with offset, with a status only; by default now")
        OffsetDateTime endedAt) {
}
