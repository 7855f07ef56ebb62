package dev.mlledger.domain.access;

import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An API token as it is kept: never the secret itself, only its hash ({@link TokenSecret#hash}). A token's name is
 * the principal its requests act as (the owner of what it creates, the name in the audit trail); names are unique
 * among tokens that are not revoked.
 *
 * @param expiresAt null for a token that does not expire
 * @param revokedAt null until the token is revoked
 */
public record ApiToken(UUID id, String name, Role role, String secretHash, Instant createdAt, Instant expiresAt,
                       Instant revokedAt) {

    public static final int NAME_MAX = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        List<Violation> violations = new ArrayList<>();
        checkName(violations, name);
        if (role == null) {
            violations.add(new Violation("role", "is required"));
        }
        if (Checks.storableTime(violations, "expiresAt", expiresAt) && expiresAt != null
                && !expiresAt.isAfter(createdAt)) {
            violations.add(new Violation("expiresAt", "must be in the future"));
        }
        Checks.throwIfAny(violations);
    }

    /** A token's name: 1 to 50 letters, digits and {@code . _ @ -}, starting with a letter or digit. */
    public static void checkName(List<Violation> violations, String name) {
        if (Checks.requiredText(violations, "name", name, NAME_MAX) && !NAME.matcher(name).matches()) {
            violations.add(new Violation("name", "must be letters, digits and . _ @ - only, starting with a letter "
                    + "or digit"));
        }
    }

    /** Whether a request bearing this token at {@code now} is let in: not revoked, not expired. */
    public boolean isValidAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** This token, revoked at that time. */
    public ApiToken revokedAt(Instant at) {
        return new ApiToken(id, name, role, secretHash, createdAt, expiresAt, at);
    }

    public Caller caller() {
        return new Caller(name, role);
    }
}
