package dev.mlledger.adapters.web.security;

import dev.mlledger.domain.access.Role;
import io.micronaut.security.authentication.Authentication;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The role names of {@code @Secured} rules, as constants annotations can take. A principal holds every role its
 * role includes ({@link Role#includedRoles()}), so {@code @Secured(READER)} lets every role in.
 */
public final class Roles {

    public static final String READER = "reader";
    public static final String SCORER = "scorer";
    public static final String TRACKER = "tracker";
    public static final String ADMIN = "admin";

    /** Made once: every authenticated request asks. */
    private static final Map<Role, Set<String>> HELD = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            HELD.put(role, role.includedRoles().stream().map(Role::spelling).collect(Collectors.toUnmodifiableSet()));
        }
    }

    private Roles() {
    }

    /** The role names a principal of that role holds. */
    public static Set<String> heldBy(Role role) {
        return HELD.get(role);
    }

    /** The roles an authentication holds, names it does not know left out. */
    public static Set<Role> of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : authentication.getRoles()) {
            Role.parse(name).ifPresent(roles::add);
        }
        return roles;
    }
}
