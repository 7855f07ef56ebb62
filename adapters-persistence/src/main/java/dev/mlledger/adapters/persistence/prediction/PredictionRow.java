package dev.mlledger.adapters.persistence.prediction;

import dev.mlledger.adapters.persistence.jdbc.ProlepticInstant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code predictions}; {@code featuresSnapshot} is null where a query leaves it out. */
@MappedEntity("predictions")
record PredictionRow(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("request_id") UUID requestId,
        @MappedProperty("created_at") Instant createdAt,
        @TypeDef(type = DataType.STRING, converter = ProlepticInstant.class) Instant predictionDate,
        @MappedProperty("employee_id") @Nullable String employeeId,
        @MappedProperty("attrition_prob") double attritionProb,
        @MappedProperty("risk_level") String riskLevel,
        @MappedProperty("model_version") String modelVersion,
        @Nullable @TypeDef(type = DataType.JSON) String featuresSnapshot) {
}
