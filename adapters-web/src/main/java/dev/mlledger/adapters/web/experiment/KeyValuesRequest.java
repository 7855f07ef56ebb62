package dev.mlledger.adapters.web.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * {@code POST /api/v1/runs/{id}/params}, {@code POST /api/v1/runs/{id}/tags} and
 * {@code POST /api/v1/experiments/{id}/tags}: keys with their values, one of the two members.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "KeyValuesRequest")
public record KeyValuesRequest(
        @Nullable @Schema(description = "For params: key (1-250 characters) to value (0-6000 characters); at most 100. "
                + "A param is written once: the same value again is no change, another value is a 409",
                example = "{\"lr\": \"0.01\"}") Map<String, String> params,
        @Nullable @Schema(description = "For tags: key (1-250 characters) to value (0-8000 characters); at most 100. "
                + "Setting a key again replaces its value", example = "{\"team\": \"vision\"}") Map<String, String> tags) {
}
