package dev.mlledger.adapters.web.idempotency;

import dev.mlledger.adapters.web.request.RequestAttributes;
import dev.mlledger.application.idempotency.IdempotentOutcome;
import dev.mlledger.application.idempotency.RunOnce;
import dev.mlledger.domain.idempotency.IdempotencyKey;
import dev.mlledger.domain.idempotency.RequestFingerprint;
import dev.mlledger.domain.idempotency.StoredResponse;
import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} request header (IETF draft-ietf-httpapi-idempotency-key-header, with Stripe's
 * semantics) on the POST routes: the first request under a key is answered with its JSON serialised here, and
 * that answer (status, {@code Location}, body bytes) is stored under the key in the transaction of the request's
 * own writes; a repeat gets the same bytes with {@code Idempotent-Replayed: true} and writes nothing. A POST
 * without the header pays one header lookup ({@link #keyOf}) and nothing else.
 */
@Singleton
public class IdempotentAnswers {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The caller of a request without a principal (security switched off): all such requests share its keys. */
    public static final String ANONYMOUS = "anonymous";
    /** For the OpenAPI document of every POST route. */
    public static final String KEY_DESCRIPTION = "Makes the request safe to repeat: 1 to 255 characters (a string "
            + "in double quotes, as the IETF draft writes it, or bare), unique per request, kept per caller for "
            + "24 h (mlledger.idempotency.ttl). A repeat with the same key, method, path and body gets the first "
            + "answer again, byte for byte, with Idempotent-Replayed: true, and writes nothing; the same key with "
            + "another request is a 422; while the first is still being carried out, a 409. Answers that are errors "
            + "are not kept.";

    private final RunOnce runOnce;
    private final JsonMapper jsonMapper;

    public IdempotentAnswers(RunOnce runOnce, JsonMapper jsonMapper) {
        this.runOnce = runOnce;
        this.jsonMapper = jsonMapper;
    }

    /** The request's {@code Idempotency-Key} as sent, or null when it has none. */
    public static @Nullable String keyOf(HttpRequest<?> request) {
        return request.getHeaders().get(KEY_HEADER);
    }

    /**
     * Whose keys a request uses: the authenticated principal's name (the API token's), else {@link #ANONYMOUS}. The
     * one place the caller of an idempotent request is decided.
     */
    public static String scopeOf(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName).orElse(ANONYMOUS);
    }

    /**
     * Answers the request under its key ({@code header}, from {@link #keyOf}): {@code work} runs at most once per
     * key, inside the unit of work that stores its answer, or its stored answer is replayed. The request is the
     * same request when its method, target and body, as the route read it ({@code body}, null for none), are.
     */
    @SuppressWarnings("unchecked")
    public <T> HttpResponse<T> answer(HttpRequest<?> request, String header, @Nullable Object body,
                                      Supplier<HttpResponse<T>> work) {
        IdempotencyKey key = key(request, header);
        RequestFingerprint fingerprint = RequestFingerprint.of(request.getMethodName().getBytes(StandardCharsets.UTF_8),
                request.getUri().toString().getBytes(StandardCharsets.UTF_8), json(body));
        IdempotentOutcome outcome;
        try {
            outcome = runOnce.run(key, fingerprint, () -> stored(work.get()));
        } catch (RuntimeException e) {
            // the work's own log entry, if it wrote one, was rolled back with it: the request-log filter logs it
            RequestAttributes.clearLogged(request);
            throw e;
        }
        if (outcome.replayed()) {
            // a replay is a request of its own, logged by the filter; only a try that was rolled back marked it
            RequestAttributes.clearLogged(request);
        }
        return (HttpResponse<T>) (HttpResponse<?>) respond(outcome);
    }

    private static IdempotencyKey key(HttpRequest<?> request, String header) {
        List<String> given = request.getHeaders().getAll(KEY_HEADER);
        if (given.size() > 1) {
            throw new InvalidInput(KEY_HEADER, "must be given once");
        }
        try {
            return new IdempotencyKey(scopeOf(request), IdempotencyKeyHeader.unquote(header));
        } catch (InvalidInput invalid) {
            throw invalid.under(KEY_HEADER);
        }
    }

    /**
     * The body as the route read it, written again: what the client asked for, whatever its spacing or the
     * spelling of its numbers (members of a free-form object, such as features, keep their order).
     */
    private byte[] json(@Nullable Object body) {
        try {
            return body == null ? new byte[0] : jsonMapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise a request body that was just read", e);
        }
    }

    private StoredResponse stored(HttpResponse<?> response) {
        return new StoredResponse(response.code(), response.getHeaders().get(HttpHeaders.LOCATION),
                json(response.body()));
    }

    private static MutableHttpResponse<byte[]> respond(IdempotentOutcome outcome) {
        StoredResponse stored = outcome.response();
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(stored.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(stored.body());
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (outcome.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response;
    }
}
