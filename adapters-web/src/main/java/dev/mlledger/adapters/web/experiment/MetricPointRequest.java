package dev.mlledger.adapters.web.experiment;

import dev.mlledger.domain.experiment.MetricPoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

/** {@code POST /api/v1/runs/{id}/metrics}, and each point of a batch. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "MetricPointRequest")
public record MetricPointRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = MetricPoint.NAME_MAX, example = "loss") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "9223372036854775807", example = "3") Long step,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A finite number", example = "0.25") Double value,
        @Nullable @Schema(description = "ISO-8601 with offset; defaults to now") OffsetDateTime timestamp) {
}
