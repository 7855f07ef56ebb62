package dev.mlledger.adapters.web.prediction;

import dev.mlledger.domain.prediction.Prediction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** {@code POST /api/v1/predictions}: a prediction made elsewhere. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "RecordPredictionRequest", description = "A prediction made elsewhere")
public record RecordPredictionRequest(
        @Nullable @Schema(maxLength = Prediction.EMPLOYEE_ID_MAX, example = "E-1") String employeeId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "1", example = "0.42") Double attritionProb,
        @Nullable @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH"},
                description = "Derived from the thresholds when omitted") String riskLevel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = Prediction.MODEL_VERSION_MAX, example = "xgb_enhanced_v1.0") String modelVersion,
        @Nullable @Schema(description = "Any JSON object") Map<String, Object> featuresSnapshot,
        @Nullable @Schema(description = "ISO-8601 with offset, years 0001-9999; defaults to now")
        OffsetDateTime predictionDate) {
}
