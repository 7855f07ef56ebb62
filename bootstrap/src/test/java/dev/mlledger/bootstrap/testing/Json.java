package dev.mlledger.bootstrap.testing;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writes request bodies, reads answers, and builds query strings the way an HTTP client would. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    private Json() {
    }

    /** Checks the status and the {@code application/json} content type, and returns the parsed body. */
    public static Map<String, Object> assertJson(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""),
                "content type of " + response.body());
        return ProblemAssertions.parse(response.body());
    }

    /** Any JSON value (an array, say), as maps, lists, strings, numbers and booleans. */
    public static Object parseAny(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    /** The field names of a problem's {@code errors}, in order. */
    public static List<String> errorFields(Map<String, Object> problem) {
        Object errors = problem.get("errors");
        return errors == null ? List.of() : list(errors).stream().map(error -> (String) error.get("field")).toList();
    }

    /** {@code ?name=value&…}, URL-encoded; pairs whose value is null are left out. */
    public static String query(String... namesAndValues) {
        StringJoiner joined = new StringJoiner("&", "?", "");
        joined.setEmptyValue("");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                joined.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return joined.toString();
    }
}
