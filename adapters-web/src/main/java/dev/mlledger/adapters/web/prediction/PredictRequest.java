package dev.mlledger.adapters.web.prediction;

import dev.mlledger.domain.prediction.Prediction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** {@code POST /api/v1/predict}, and each item of a batch: one employee to score. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "PredictRequest", description = "One employee to score")
public record PredictRequest(
        @Nullable
        @Schema(description = "Your id for the employee", maxLength = Prediction.EMPLOYEE_ID_MAX, example = "E-1001")
        String employeeId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Feature values, checked against the model's schema (GET /api/v1/model): numbers, "
                + "booleans and category strings by name",
                example = "{\"age\": 41, \"monthly_income\": 5993, \"overtime\": true, \"job_satisfaction\": 2}")
        Map<String, Object> features) {
}
