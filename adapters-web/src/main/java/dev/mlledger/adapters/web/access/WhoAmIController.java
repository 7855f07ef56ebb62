package dev.mlledger.adapters.web.access;

import dev.mlledger.adapters.web.security.CallerOfRequest;
import dev.mlledger.adapters.web.security.Roles;
import dev.mlledger.domain.access.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/whoami}: the principal a request's credentials stand for, and its role. */
@Tag(name = "security")
@Controller("/api/v1/whoami")
@Secured(Roles.READER)
public class WhoAmIController {

    @Serdeable
    public record WhoAmIView(String name, String role) {
    }

    private final CallerOfRequest callers;

    public WhoAmIController(CallerOfRequest callers) {
        this.callers = callers;
    }

    @Operation(summary = "Who the credentials sent stand for", description = "The principal (token name or identity-provider subject) and the role it acts in, so that a client can offer only what the role may do.")
    @Get
    public WhoAmIView whoami(HttpRequest<?> request) {
        Caller caller = callers.of(request);
        return new WhoAmIView(caller.name(), caller.role().spelling());
    }
}
