package dev.mlledger.adapters.web.openapi;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The request bodies, described for the OpenAPI document only: the controllers read bodies as JSON trees and
 * check every field themselves (see {@code JsonFields}), with exactly these names, types and limits.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    @Schema(name = "PredictRequest", description = "One employee to score")
    public record Predict(
            @Schema(description = "Your id for the employee", maxLength = 50, example = "E-1001", nullable = true)
            String employee_id,
            @Schema(description = "Feature values, checked against the model's schema (GET /api/v1/model): "
                    + "numbers, booleans and category strings by name", requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"age\": 41, \"monthly_income\": 5993, \"overtime\": true, \"job_satisfaction\": 2}")
            Map<String, Object> features) {
    }

    @Schema(name = "PredictBatchRequest", description = "1 to 1000 employees, scored all or nothing")
    public record PredictBatch(
            @ArraySchema(minItems = 1, maxItems = 1000, schema = @Schema(implementation = Predict.class))
            List<Predict> items) {
    }

    @Schema(name = "RecordPredictionRequest", description = "A prediction made elsewhere")
    public record RecordPrediction(
            @Schema(maxLength = 50, example = "E-1", nullable = true) String employee_id,
            @Schema(minimum = "0", maximum = "1", example = "0.42", requiredMode = Schema.RequiredMode.REQUIRED)
            Double attrition_prob,
            @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH"}, nullable = true,
                    description = "Derived from the thresholds when omitted") String risk_level,
            @Schema(minLength = 1, maxLength = 50, example = "xgb_enhanced_v1.0",
                    requiredMode = Schema.RequiredMode.REQUIRED) String model_version,
            @Schema(description = "Any JSON object", nullable = true) Map<String, Object> features_snapshot,
            @Schema(description = "ISO-8601 with offset, years 0001-9999; defaults to now", nullable = true)
            Instant prediction_date) {
    }

    @Schema(name = "CreateExperimentRequest")
    public record CreateExperiment(
            @Schema(minLength = 1, maxLength = 100, example = "baseline", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Schema(minLength = 1, maxLength = 50, example = "alice", requiredMode = Schema.RequiredMode.REQUIRED)
            String owner,
            @Schema(maxLength = 10000, nullable = true) String description,
            @ArraySchema(maxItems = 1000, arraySchema = @Schema(description = "Runs created with the experiment, "
                    + "in the same transaction; the experiment is then running"),
                    schema = @Schema(implementation = StartRun.class))
            List<StartRun> runs) {
    }

    @Schema(name = "UpdateExperimentRequest", description = "description, status, or both")
    public record UpdateExperiment(
            @Schema(maxLength = 10000, nullable = true, description = "null clears it") String description,
            @Schema(allowableValues = {"created", "running", "completed", "failed"}, nullable = true,
                    description = "created → running → completed | failed; anything else is 409") String status) {
    }

    @Schema(name = "StartRunRequest", description = "Optional body")
    public record StartRun(@Schema(example = "42", nullable = true) Integer seed) {
    }

    @Schema(name = "FinishRunRequest")
    public record FinishRun(
            @Schema(allowableValues = {"completed", "failed"}, requiredMode = Schema.RequiredMode.REQUIRED)
            String status) {
    }

    @Schema(name = "MetricPointRequest")
    public record MetricPoint(
            @Schema(minLength = 1, maxLength = 50, example = "loss", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Schema(minimum = "0", maximum = "2147483647", example = "3", requiredMode = Schema.RequiredMode.REQUIRED)
            Integer step,
            @Schema(description = "A finite number", example = "0.25", requiredMode = Schema.RequiredMode.REQUIRED)
            Double value,
            @Schema(description = "ISO-8601 with offset; defaults to now", nullable = true) Instant timestamp) {
    }

    @Schema(name = "MetricBatchRequest", description = "1 to 1000 points with distinct (name, step), all or nothing")
    public record MetricBatch(
            @ArraySchema(minItems = 1, maxItems = 1000, schema = @Schema(implementation = MetricPoint.class))
            List<MetricPoint> metrics) {
    }
}
