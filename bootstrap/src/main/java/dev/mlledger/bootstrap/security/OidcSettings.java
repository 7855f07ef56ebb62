package dev.mlledger.bootstrap.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

/**
 * With an identity provider switched on ({@code mlledger.security.oidc.enabled}), refuses to start unless its JWKS
 * address and this service's audience are set: without keys Micronaut would accept unsigned tokens, and without an
 * audience any token the provider signed for another application would be let in.
 */
@Context
@Requires(property = "mlledger.security.oidc.enabled", value = "true")
public class OidcSettings {

    public OidcSettings(@Nullable @Value("${mlledger.security.oidc.jwks-url:}") String jwksUrl,
                        @Nullable @Value("${mlledger.security.oidc.audience:}") String audience) {
        if (jwksUrl == null || jwksUrl.isBlank()) {
            throw new IllegalStateException("mlledger.security.oidc.enabled is true but mlledger.security.oidc.jwks-url "
                    + "(MLLEDGER_SECURITY_OIDC_JWKS_URL) is not set: give the identity provider's JWKS address");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("mlledger.security.oidc.enabled is true but mlledger.security.oidc.audience "
                    + "(MLLEDGER_SECURITY_OIDC_AUDIENCE) is not set: give the audience the provider puts in tokens "
                    + "for this service");
        }
    }
}
