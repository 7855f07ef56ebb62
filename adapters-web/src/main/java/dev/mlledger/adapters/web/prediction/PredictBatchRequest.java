package dev.mlledger.adapters.web.prediction;

import dev.mlledger.application.prediction.ScoreEmployees;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /api/v1/predict/batch}: employees scored all or nothing. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "PredictBatchRequest", description = "1 to 1000 employees, scored all or nothing")
public record PredictBatchRequest(
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED), minItems = 1, maxItems = ScoreEmployees.MAX_BATCH)
        List<PredictRequest> items) {
}
