package dev.mlledger.adapters.web.security;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.security.Principal;
import java.util.Optional;

/** Who a request acts as: its authenticated principal in its strongest role. */
@Singleton
public class CallerOfRequest {

    /** An authentication attribute holding its {@link Caller} ready made. */
    static final String CALLER_ATTRIBUTE = "mlledger_caller";

    private final boolean securityEnabled;

    public CallerOfRequest(@Value("${micronaut.security.enabled:true}") boolean securityEnabled) {
        this.securityEnabled = securityEnabled;
    }

    /**
     * The authenticated caller, for a route that lets only authenticated callers in; with security switched off,
     * every request acts as {@link Caller#UNAUTHENTICATED_ADMIN}.
     */
    public Caller of(HttpRequest<?> request) {
        return authenticated(request).orElseGet(() -> {
            if (securityEnabled) {
                throw new IllegalStateException("no authenticated principal on " + request.getPath()
                        + ": its route must require a role");
            }
            return Caller.UNAUTHENTICATED_ADMIN;
        });
    }

    /** The authenticated caller, if the request had valid credentials (for the audit trail). */
    public Optional<Caller> authenticated(HttpRequest<?> request) {
        Optional<Principal> principal = request.getUserPrincipal();
        if (principal.isEmpty() || !(principal.get() instanceof Authentication authentication)) {
            return Optional.empty();
        }
        if (authentication.getAttributes().get(CALLER_ATTRIBUTE) instanceof Caller known) {
            return Optional.of(known);   // an API token's, made once when it was looked up
        }
        return Role.strongestOf(Roles.of(authentication))
                .map(role -> new Caller(authentication.getName(), role));
    }
}
