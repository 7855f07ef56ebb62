package dev.mlledger.adapters.persistence.prediction;

import io.micronaut.core.annotation.Introspected;

/** One line of a tally: count and probability sum of one model's predictions in one risk band. */
@Introspected
record TallyRow(String modelVersion, String riskLevel, long predictionCount, double probSum) {
}
