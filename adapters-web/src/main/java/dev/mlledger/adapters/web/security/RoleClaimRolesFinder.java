package dev.mlledger.adapters.web.security;

import dev.mlledger.domain.access.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles of an identity provider's JWT: its role claim ({@code micronaut.security.token.roles-name}, set from
 * {@code mlledger.security.oidc.role-claim}) may hold one role name, several separated by spaces or commas, or a
 * list; names are matched without regard to case, unknown ones ignored, and each role brings the roles it includes.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
public class RoleClaimRolesFinder implements RolesFinder {

    private final TokenConfiguration configuration;

    public RoleClaimRolesFinder(TokenConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public List<String> resolveRoles(Map<String, Object> attributes) {
        Object claim = attributes == null ? null : attributes.get(configuration.getRolesName());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> add(roles, String.valueOf(value)));
        } else if (claim != null) {
            add(roles, claim.toString());
        }
        return roles.stream().flatMap(role -> Roles.heldBy(role).stream()).distinct().sorted().toList();
    }

    private static void add(Set<Role> roles, String text) {
        for (String name : text.split("[\\s,]+")) {
            Role.parse(name).ifPresent(roles::add);
        }
    }
}
