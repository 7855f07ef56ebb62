package dev.mlledger.adapters.web.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A web adapter test: the controllers over the in-memory adapter, spoken to through plain HTTP. */
@MicronautTest
public abstract class WebTest {

    /** The admin token the test wiring seeds ({@link WebTestFactory}); every request sends it unless told otherwise. */
    public static final String ADMIN_TOKEN = "mll_test-admin-token-of-the-mlledger-test-suite";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected ObjectMapper json;

    protected HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> body(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        try {
            return json.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem's {@code errors}, as field → message. */
    @SuppressWarnings("unchecked")
    protected Map<String, String> errors(HttpResponse<String> response) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        List<Map<String, String>> errors = (List<Map<String, String>>) body(response, 400).get("errors");
        java.util.Map<String, String> byField = new java.util.TreeMap<>();
        errors.forEach(error -> byField.put(error.get("field"), error.get("message")));
        return byField;
    }
}
