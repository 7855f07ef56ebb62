package dev.mlledger.adapters.web.access;

import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.error.Problem;
import dev.mlledger.adapters.web.security.ApiTokenAuthenticator;
import dev.mlledger.adapters.web.security.Roles;
import dev.mlledger.application.access.IssueApiToken;
import dev.mlledger.application.access.ManageApiTokens;
import dev.mlledger.application.access.NewApiToken;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** {@code /api/v1/tokens}: issue, list and revoke API tokens (admins only). */
@Tag(name = "security")
@ApiResponse(responseCode = "400", description = "A missing or bad name, role or expiry", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "Only admins manage tokens", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No live token of that name", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "A live token has that name", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/tokens")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {

    private final IssueApiToken issueApiToken;
    private final ManageApiTokens manageApiTokens;
    private final ApiTokenAuthenticator authenticator;
    private final Clock clock;

    public TokenController(IssueApiToken issueApiToken, ManageApiTokens manageApiTokens,
                           ApiTokenAuthenticator authenticator, Clock clock) {
        this.issueApiToken = issueApiToken;
        this.manageApiTokens = manageApiTokens;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    @Operation(summary = "Issue an API token", description = "201 with the token's secret in `token`: the only time it is shown. Only its SHA-256 hash is stored.")
    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<TokenView> create(@Body CreateTokenRequest body) {
        Role role = body.role() == null ? null : Violations.under("role", () -> Role.parse(body.role())
                .orElseThrow(() -> new InvalidInput("", "must be one of reader, scorer, tracker, admin")));
        NewApiToken request = new NewApiToken(body.name(), role, body.expiresInDays());
        return HttpResponse.created(TokenView.of(issueApiToken.issue(request), clock.instant()),
                URI.create("/api/v1/tokens"));
    }

    @Operation(summary = "Every token, revoked and expired ones too, oldest first; no secrets")
    @Get
    public List<TokenView> list() {
        return manageApiTokens.list().stream().map(token -> TokenView.of(token, clock.instant())).toList();
    }

    @Operation(summary = "Revoke the live token of that name", description = "Requests bearing it are refused from then on.")
    @ApiResponse(responseCode = "200", description = "The revoked token")
    @Delete("/{name}")
    public TokenView revoke(@PathVariable String name) {
        TokenView revoked = TokenView.of(manageApiTokens.revoke(name), clock.instant());
        authenticator.forgetCachedTokens();
        return revoked;
    }
}
