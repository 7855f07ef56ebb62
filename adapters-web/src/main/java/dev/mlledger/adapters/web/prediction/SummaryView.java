package dev.mlledger.adapters.web.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/** {@code {"total": 177, "average_attrition_prob": 0.31, "by_model_version": {...}}}; the average is null with no data. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SummaryView(long total, Double averageAttritionProb, Map<String, Long> byModelVersion) {
}
