package dev.mlledger.adapters.web.experiment;

import dev.mlledger.application.experiment.LogMetrics;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /api/v1/runs/{id}/metrics/batch}: points logged all or nothing. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "MetricBatchRequest", description = "1 to 1000 points with distinct (name, step), all or nothing")
public record MetricBatchRequest(
        @NotNull(message = "is required")
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED), minItems = 1, maxItems = LogMetrics.MAX_BATCH)
        List<MetricPointRequest> metrics) {
}
