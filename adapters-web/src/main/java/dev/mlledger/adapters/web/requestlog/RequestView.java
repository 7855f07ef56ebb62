package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.adapters.web.binding.Spellings;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.adapters.web.prediction.PredictionView;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A logged API request with the predictions it made. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RequestView(UUID id, Instant createdAt, String endpoint, String method, JsonNode requestData,
                          String clientIp, String userAgent, int httpStatus, Integer responseTimeMs,
                          @Schema(description = "Who made the request (token name or identity-provider subject); null without valid credentials") String principal,
                          @Schema(description = "The role the principal acted in") String role,
                          List<PredictionView> predictions) {

    public RequestView {
        createdAt = Spellings.time(createdAt);
    }
}
