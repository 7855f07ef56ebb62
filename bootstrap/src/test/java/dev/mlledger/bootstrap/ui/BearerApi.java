package dev.mlledger.bootstrap.ui;

import dev.mlledger.bootstrap.testing.ProblemAssertions;
import dev.mlledger.bootstrap.testing.RawHttp;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API as a client with a bearer token sees it (RawHttp with assertions): what the suite seeds, and the numbers the pages must show. */
final class BearerApi {

    private final String baseUrl;
    private final RawHttp http;

    BearerApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.http = new RawHttp(baseUrl).as(token);
    }

    BearerApi as(String otherToken) {
        return new BearerApi(baseUrl, otherToken);
    }

    HttpResponse<String> send(String method, String path, String json) {
        return http.send(method, path, json == null ? null : "application/json", json);
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
