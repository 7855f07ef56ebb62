package dev.mlledger.bootstrap.ui;

import dev.mlledger.bootstrap.testing.ProblemAssertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API as a client with a bearer token sees it: what the suite seeds, and the numbers the pages must show. */
final class BearerApi {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    BearerApi(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    BearerApi as(String otherToken) {
        return new BearerApi(baseUrl, otherToken);
    }

    HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> get(String path) {
        return expect(200, "GET", path, null);
    }

    Map<String, Object> post(int status, String path, String json) {
        return expect(status, "POST", path, json);
    }

    Map<String, Object> patch(String path, String json) {
        return expect(200, "PATCH", path, json);
    }

    Map<String, Object> expect(int status, String method, String path, String json) {
        HttpResponse<String> response = send(method, path, json);
        assertEquals(status, response.statusCode(), () -> method + " " + path + " → " + response.body());
        return response.body().isEmpty() ? Map.of() : ProblemAssertions.parse(response.body());
    }

    /** Every item of a paged list, following next_cursor. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> all(String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = get(path + (cursor == null ? "" : (path.contains("?") ? "&" : "?") + "cursor="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            items.addAll((List<Map<String, Object>>) page.get("items"));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return items;
    }
}
