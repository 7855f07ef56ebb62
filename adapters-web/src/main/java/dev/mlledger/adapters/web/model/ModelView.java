package dev.mlledger.adapters.web.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** {@code GET /api/v1/model}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ModelView(String modelVersion, List<FeatureView> features, ThresholdsView thresholds) {

    /** {@code values} only for categories. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FeatureView(String name, String type, boolean required, List<String> values) {
    }

    @Serdeable
    public record ThresholdsView(double medium, double high) {
    }
}
