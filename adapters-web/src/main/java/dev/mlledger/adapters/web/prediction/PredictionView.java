package dev.mlledger.adapters.web.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.domain.prediction.Prediction;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/** A prediction as clients see it; {@code features_snapshot} only where the endpoint returns one. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PredictionView(UUID predictionId, UUID requestId, String employeeId, double attritionProb,
                             String riskLevel, String modelVersion, Instant predictionDate, Instant createdAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode featuresSnapshot) {

    public PredictionView {
        predictionDate = Spellings.time(predictionDate);
        createdAt = Spellings.time(createdAt);
    }

    public static PredictionView of(Prediction prediction, JsonNode featuresSnapshot) {
        return new PredictionView(prediction.id(), prediction.requestId(), prediction.employeeId(),
                prediction.probability().value(), Spellings.of(prediction.riskLevel()), prediction.modelVersion(),
                prediction.predictionDate(), prediction.createdAt(), featuresSnapshot);
    }

    public static PredictionView withoutSnapshot(Prediction prediction) {
        return of(prediction, null);
    }
}
