package dev.mlledger.adapters.web.binding;

import dev.mlledger.adapters.web.error.MalformedJsonHandler;
import dev.mlledger.adapters.web.error.ProblemResponses;
import dev.mlledger.adapters.web.request.RequestAttributes;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the syntax of every {@code /api/**} request against the route it matched, before anything is bound:
 * query parameters the route does not declare, and a JSON body that does not fit the route's request record
 * ({@link BodyShape}). Any problem is a 400 naming each one. A body that is a JSON object with only storable text
 * is also kept, as the client sent it, for the request log. The routes of a {@link LenientShape} controller (MLflow's,
 * also under {@code /ajax-api/**}) get only the checks that the body is a JSON object a store can keep.
 */
@ServerFilter({"/api/**", "/ajax-api/**"})
public class RequestShapeFilter implements Ordered {

    /**
     * After the request-log filter, which must see every answer, also the ones given here. Before the security
     * filter, so that the body is read on the request's event loop: behind it, a request whose credentials were
     * looked up asynchronously (an identity provider's keys fetched again) can go on on another thread, where
     * Micronaut 4.10 may read the body re-entrantly (an internal AssertionError, a 500). So a request that does
     * not have the route's shape is a 400 even without credentials; that reveals only the documented shape.
     */
    public static final int ORDER = 100;

    private final JsonMapper jsonMapper;
    private final Map<RouteInfo<?>, Declared> declaredByRoute = new ConcurrentHashMap<>();

    public RequestShapeFilter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    public @Nullable HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        RouteMatch<?> route = RouteAttributes.getRouteMatch(request).orElse(null);
        if (!(route instanceof MethodBasedRouteMatch<?, ?> method)) {
            return null;
        }
        List<Violation> violations = new ArrayList<>();
        Declared declared = declaredByRoute.computeIfAbsent(method.getRouteInfo(), info -> Declared.of(method));
        Argument<?> bodyType = declared.body();
        // most requests have no query: decoding nothing was 3 % of a predict
        if (!declared.lenient() && request.getUri().getRawQuery() != null) {
            for (String name : request.getParameters().names()) {
                if (!declared.queryValues().contains(name)) {
                    violations.add(new Violation(name, "is not a known query parameter"));
                }
            }
        }
        if (bodyType != null && body != null && body.length > 0 && !isBlank(body)) {
            JsonNode tree;
            try {
                tree = jsonMapper.readValue(body, JsonNode.class);   // bytes: the parser skips a byte-order mark
            } catch (IOException e) {
                MutableHttpResponse<?> refusal = ProblemResponses.problem(HttpStatus.BAD_REQUEST,
                        MalformedJsonHandler.detail(e.getMessage()));
                RouteAttributes.setException(refusal, e);   // a protocol's own error mapping tells it apart
                return refusal;
            }
            if (tree == null) {
                violations.add(new Violation("body", "must be a JSON object"));
            } else if (declared.lenient() ? BodyShape.storable(tree, violations)
                    : BodyShape.check(tree, bodyType, violations)) {
                String text = new String(body, StandardCharsets.UTF_8);
                keepForTheLog(request, text.startsWith("\uFEFF") ? text.substring(1) : text);
            }
        }
        return violations.isEmpty() ? null : ProblemResponses.invalid(violations);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * What a route takes: its query parameters by name, and its body's type (null for none); lenient when its
     * controller is {@link LenientShape}.
     */
    private record Declared(Set<String> queryValues, Argument<?> body, boolean lenient) {

        static Declared of(MethodBasedRouteMatch<?, ?> route) {
            Set<String> queryValues = new HashSet<>();
            Argument<?> body = null;
            for (Argument<?> argument : route.getArguments()) {
                if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                    queryValues.add(argument.getAnnotationMetadata().stringValue(Bindable.class).orElse(argument.getName()));
                } else if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
                    body = argument;
                }
            }
            boolean lenient = route.getRouteInfo().getDeclaringType().isAnnotationPresent(LenientShape.class);
            return new Declared(Set.copyOf(queryValues), body, lenient);
        }
    }

    /** The text was checked to be a JSON object a store can keep: the log keeps it as the client sent it. */
    private static void keepForTheLog(HttpRequest<?> request, String text) {
        try {
            RequestAttributes.setRequestData(request, new JsonDocument(text));
        } catch (IllegalArgumentException escapedNulText) {
            // a string that spells out "\\u0000" reads like a NUL to the document's check; log the body as {}
        }
    }
}
