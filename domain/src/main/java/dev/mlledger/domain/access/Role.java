package dev.mlledger.domain.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do. Every role may read; {@link #ADMIN} may do everything the others may, and also purge
 * history and manage API tokens.
 */
public enum Role {
    /** Every read. */
    READER,
    /** Reads, and scores or records predictions. */
    SCORER,
    /** Reads, and creates and changes experiments, runs and metrics. */
    TRACKER,
    /** Everything. */
    ADMIN;

    /** The roles this one includes, itself among them. */
    public Set<Role> includedRoles() {
        return switch (this) {
            case READER -> EnumSet.of(READER);
            case SCORER -> EnumSet.of(READER, SCORER);
            case TRACKER -> EnumSet.of(READER, TRACKER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }

    public boolean includes(Role other) {
        return includedRoles().contains(other);
    }

    /** The lower-case name clients, tokens and identity providers use. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The strongest of the roles a principal holds, the role it acts in: admin, then tracker, then scorer, then
     * reader; empty for none.
     */
    public static Optional<Role> strongestOf(Set<Role> roles) {
        for (Role role : List.of(ADMIN, TRACKER, SCORER, READER)) {
            if (roles.contains(role)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role a client spelled, in any case; empty when there is none of that name. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
