package dev.mlledger.application.access;

import dev.mlledger.domain.access.ApiToken;

/** A token just issued, with its secret: the only moment the secret is known, so show it once and forget it. */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.name() + "]";
    }
}
