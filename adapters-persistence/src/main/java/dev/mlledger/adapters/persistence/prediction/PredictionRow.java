package dev.mlledger.adapters.persistence.prediction;

import dev.mlledger.adapters.persistence.jdbc.ProlepticInstant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code predictions}; {@code featuresSnapshot} is null where a query leaves it out. */
@MappedEntity("predictions")
record PredictionRow(
        @Id UUID id,
        UUID requestId,
        Instant createdAt,
        @TypeDef(type = DataType.STRING, converter = ProlepticInstant.class) Instant predictionDate,
        @Nullable String employeeId,
        double attritionProb,
        String riskLevel,
        String modelVersion,
        @Nullable @TypeDef(type = DataType.JSON) String featuresSnapshot) {
}
