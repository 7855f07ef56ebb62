package dev.mlledger.application.access;

import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A token to issue.
 *
 * @param expiresInDays how many days it is valid from now; null for a token that does not expire
 */
public record NewApiToken(String name, Role role, Integer expiresInDays) {

    /** Ten years: a longer life is no expiry at all, and a client should say so by giving none. */
    public static final int MAX_DAYS = 3650;

    public NewApiToken {
        List<Violation> violations = new ArrayList<>();
        ApiToken.checkName(violations, name);
        if (role == null) {
            violations.add(new Violation("role", "is required"));
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            violations.add(new Violation("expiresInDays", "must be 1 to " + MAX_DAYS + " days"));
        }
        Checks.throwIfAny(violations);
    }

    /** How long the token is valid from when it is issued; null for ever. */
    public Duration validity() {
        return expiresInDays == null ? null : Duration.ofDays(expiresInDays);
    }
}
