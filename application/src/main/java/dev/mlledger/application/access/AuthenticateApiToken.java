package dev.mlledger.application.access;

import dev.mlledger.domain.access.ApiToken;

import java.util.Optional;

/** Use case: find the token a request bears. */
public interface AuthenticateApiToken {

    /**
     * The stored token whose secret this is, valid or not (the caller checks {@link ApiToken#isValidAt}, also
     * when it keeps the answer for a while); empty for text that is no token's secret.
     */
    Optional<ApiToken> tokenOf(String secret);
}
