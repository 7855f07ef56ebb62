package dev.mlledger.domain.access;

import java.util.Objects;

/**
 * Who makes a request, as an authenticated principal: a token's name or an identity provider's subject, and the
 * role it acts in. Ownership and the audit trail are in its name.
 */
public record Caller(String name, Role role) {

    /** The longest principal name a store must keep (an identity provider's subject can be long). */
    public static final int NAME_MAX = 200;

    /** When security is switched off every request acts as this caller, an administrator. */
    public static final Caller UNAUTHENTICATED_ADMIN = new Caller("anonymous", Role.ADMIN);

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may change what {@code owner} owns: its owner, or an administrator. */
    public boolean mayChangeWhatIsOwnedBy(String owner) {
        return isAdmin() || name.equals(owner);
    }
}
