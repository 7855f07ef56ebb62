package dev.mlledger.bootstrap.testing;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that an answer is a client-safe RFC 9457 problem with the expected status. */
public final class ProblemAssertions {

    private static final List<String> INTERNALS = List.of("Exception", "java.", "io.micronaut", "com.fasterxml",
            "org.postgresql", "SQL", "select ", "\tat ", "password");

    private ProblemAssertions() {
    }

    /** @return the problem document, for further checks */
    public static Map<String, Object> assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                "content type of " + response.body());
        for (String internal : INTERNALS) {
            assertFalse(response.body().contains(internal), () -> "leaks '" + internal + "': " + response.body());
        }
        Map<String, Object> problem = parse(response.body());
        assertEquals("about:blank", problem.get("type"));
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertTrue(problem.get("title") instanceof String title && !title.isBlank(), "title");
        assertTrue(problem.get("detail") instanceof String detail && !detail.isBlank(), "detail");
        return problem;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        try {
            return JsonMapper.createDefault().readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
