package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.adapters.web.request.RequestAttributes;
import dev.mlledger.adapters.web.request.RequestOrigins;
import dev.mlledger.application.requestlog.LogSlot;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.access.TokenSecret;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Records every {@code /api/**} request (MLflow's {@code /api/2.0/mlflow/**} among them) and every
 * {@code /ajax-api/**} request (MLflow's UI paths) in the request log: its path, method, body (or query parameters),
 * client, status and time, in the room {@link RequestLogAdmissionFilter} took for it before the request was carried
 * out. Requests whose use case already logged them in its transaction give that room back. Nothing here can
 * change the client's answer.
 */
@ServerFilter({"/api/**", "/ajax-api/**"})
public class RequestLogFilter implements Ordered {

    /** Before every other filter, so that it times and logs every answer, also the ones filters give. */
    public static final int ORDER = -100;

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFilter.class);

    /** What is logged instead of a credential a client put in the query string. */
    static final String REDACTED = "[redacted]";
    /** Query parameters that carry credentials by their name (OAuth's access_token and the like). */
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("access_token", "id_token", "token", "api_key",
            "apikey", "password", "secret", "authorization");
    /** An API token's secret, wherever in the query it was put. */
    private static final Pattern TOKEN_SECRET = Pattern.compile(Pattern.quote(TokenSecret.PREFIX)
            + "[A-Za-z0-9_-]{" + (TokenSecret.LENGTH - TokenSecret.PREFIX.length()) + "}");

    private final RecordApiRequest recorder;
    private final RequestOrigins origins;
    private final JsonMapper jsonMapper;

    public RequestLogFilter(RecordApiRequest recorder, RequestOrigins origins, JsonMapper jsonMapper) {
        this.recorder = recorder;
        this.origins = origins;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    public void started(HttpRequest<?> request) {
        RequestAttributes.markStarted(request);
    }

    @ResponseFilter
    public void finished(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // RequestLogAdmissionFilter took room for every request it let through, and for every one it refused;
        // without one (which its order rules out) room is taken here, from the pool kept for refusals
        LogSlot slot = RequestAttributes.logSlot(request).orElseGet(recorder::reserveForRefusal);
        if (RequestAttributes.isLogged(request)) {
            slot.release();
            return;
        }
        RequestLogEntry entry;
        try {
            JsonDocument data = RequestAttributes.requestData(request).orElseGet(() -> queryParameters(request));
            entry = origins.of(request, data, response.code()).logEntry(Ids.newId(), Instant.now());
        } catch (RuntimeException e) {
            slot.release();
            LOG.error("Could not make the request-log entry of {} {}", request.getMethodName(), request.getPath(), e);
            return;
        }
        slot.record(entry);
    }

    private JsonDocument queryParameters(HttpRequest<?> request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            // a token never reaches the log, not even when a client sends it where it does not belong
            String name = withoutSecrets(withoutNul(parameter.getKey()));
            boolean credential = CREDENTIAL_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
            List<String> values = parameter.getValue().stream()
                    .map(value -> credential ? REDACTED : withoutSecrets(withoutNul(value)))
                    .toList();
            parameters.put(name, values.size() == 1 ? values.getFirst() : values);
        }
        if (parameters.isEmpty()) {
            return JsonDocument.EMPTY_OBJECT;
        }
        try {
            return new JsonDocument(jsonMapper.writeValueAsString(parameters));
        } catch (IOException e) {
            return JsonDocument.EMPTY_OBJECT;
        }
    }

    private static String withoutSecrets(String text) {
        return text.contains(TokenSecret.PREFIX) ? TOKEN_SECRET.matcher(text).replaceAll(REDACTED) : text;
    }

    private static String withoutNul(String text) {
        return text.replace("\u0000", "");
    }
}
