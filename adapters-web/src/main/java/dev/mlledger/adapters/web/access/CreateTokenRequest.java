package dev.mlledger.adapters.web.access;

import dev.mlledger.domain.access.ApiToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/tokens}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "CreateTokenRequest")
public record CreateTokenRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = ApiToken.NAME_MAX,
                pattern = "^[A-Za-z0-9][A-Za-z0-9._@-]*$", example = "ci-pipeline",
                description = "The principal the token's requests act as: owner of what they create, name in the audit trail") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"reader", "scorer", "tracker", "admin"}) String role,
        @Nullable @Schema(minimum = "1", maximum = "3650", description = "Days until the token expires; none for a token that does not expire") Integer expiresInDays) {
}
