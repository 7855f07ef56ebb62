package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.adapters.web.request.RequestAttributes;
import dev.mlledger.adapters.web.request.RequestOrigins;
import dev.mlledger.application.requestlog.RecordApiRequest;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
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
import java.util.Map;

/**
 * Records every {@code /api/**} request in the request log: its path, method, body (or query parameters),
 * client, status and time. Requests whose use case already logged them in its transaction are skipped; the
 * rest go to the buffered recorder. Nothing here can change the client's answer.
 */
@ServerFilter("/api/**")
public class RequestLogFilter implements Ordered {

    /** Before every other filter, so that it times and logs every answer, also the ones filters give. */
    public static final int ORDER = -100;

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFilter.class);

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
        if (RequestAttributes.isLogged(request)) {
            return;
        }
        try {
            JsonDocument data = RequestAttributes.requestData(request).orElseGet(() -> queryParameters(request));
            recorder.record(origins.of(request, data, response.code()).logEntry(Ids.newId(), Instant.now()));
        } catch (RuntimeException e) {
            LOG.warn("Could not record {} {} in the request log: {}", request.getMethodName(), request.getPath(),
                    e.getMessage());
        }
    }

    private JsonDocument queryParameters(HttpRequest<?> request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            List<String> values = parameter.getValue().stream().map(RequestLogFilter::withoutNul).toList();
            parameters.put(withoutNul(parameter.getKey()), values.size() == 1 ? values.getFirst() : values);
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

    private static String withoutNul(String text) {
        return text.replace("\u0000", "");
    }
}
