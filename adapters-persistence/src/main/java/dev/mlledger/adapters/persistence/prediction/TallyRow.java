package dev.mlledger.adapters.persistence.prediction;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;

/** One line of a tally: count and probability sum of one model's predictions in one risk band. */
@Introspected
record TallyRow(@MappedProperty("model_version") String modelVersion,
        @MappedProperty("risk_level") String riskLevel,
        @MappedProperty("prediction_count") long predictionCount,
        @MappedProperty("prob_sum") double probSum) {
}
