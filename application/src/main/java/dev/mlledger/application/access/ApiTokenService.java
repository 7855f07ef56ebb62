package dev.mlledger.application.access;

import dev.mlledger.domain.access.ApiToken;
import dev.mlledger.domain.access.ApiTokens;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.access.TokenSecret;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.transaction.UnitOfWork;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens: issued, listed, revoked, looked up, and the administrator's token seeded. */
public final class ApiTokenService implements IssueApiToken, ManageApiTokens, AuthenticateApiToken, SeedAdminToken {

    private final ApiTokens tokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ApiTokenService(ApiTokens tokens, UnitOfWork unitOfWork, Clock clock) {
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(NewApiToken request) {
        Instant now = clock.instant();
        String secret = TokenSecret.generate();
        ApiToken token = new ApiToken(Ids.newId(), request.name(), request.role(), TokenSecret.hash(secret), now,
                request.validity() == null ? null : now.plus(request.validity()), null);
        unitOfWork.write(() -> {
            tokens.add(token);
            return null;
        });
        return new IssuedToken(token, secret);
    }

    @Override
    public List<ApiToken> list() {
        return unitOfWork.read(tokens::list);
    }

    @Override
    public ApiToken revoke(String name) {
        Instant now = clock.instant();
        return unitOfWork.write(() -> tokens.revoke(name, now))
                .orElseThrow(() -> new NotFound("live API token " + name));
    }

    @Override
    public Optional<ApiToken> tokenOf(String secret) {
        if (!TokenSecret.looksLikeOne(secret)) {
            return Optional.empty();
        }
        String hash = TokenSecret.hash(secret);
        return unitOfWork.read(() -> tokens.findBySecretHash(hash));
    }

    @Override
    public Optional<IssuedToken> seed(Optional<String> configuredSecret) {
        Instant now = clock.instant();
        if (configuredSecret.isPresent()) {
            String secret = configuredSecret.get();
            if (!TokenSecret.looksLikeOne(secret)) {
                throw new InvalidInput("adminToken", "must be " + TokenSecret.PREFIX
                        + " followed by 43 URL-safe base64 characters (256 random bits), as `token create` prints");
            }
            String hash = TokenSecret.hash(secret);
            unitOfWork.write(() -> {
                Optional<ApiToken> existing = tokens.findBySecretHash(hash);
                if (existing.isPresent() && existing.get().isValidAt(now) && existing.get().role() == Role.ADMIN) {
                    return null;
                }
                if (existing.isPresent()) {
                    // revoked, expired or demoted: a configured secret that is no longer a valid admin token is refused
                    throw new InvalidInput("adminToken", "is the secret of token " + existing.get().name()
                            + ", which is revoked, expired or not an admin token; configure a new one");
                }
                tokens.revoke(ADMIN_TOKEN_NAME, now);
                tokens.add(new ApiToken(Ids.newId(), ADMIN_TOKEN_NAME, Role.ADMIN, hash, now, null, null));
                return null;
            });
            return Optional.empty();
        }
        boolean adminCanGetIn = unitOfWork.read(() -> tokens.list().stream()
                .anyMatch(token -> token.role() == Role.ADMIN && token.isValidAt(now)));
        if (adminCanGetIn) {
            return Optional.empty();
        }
        return Optional.of(unitOfWork.write(() -> {
            tokens.revoke(ADMIN_TOKEN_NAME, now);
            String secret = TokenSecret.generate();
            ApiToken token = new ApiToken(Ids.newId(), ADMIN_TOKEN_NAME, Role.ADMIN, TokenSecret.hash(secret), now,
                    null, null);
            tokens.add(token);
            return new IssuedToken(token, secret);
        }));
    }
}
