package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The served OpenAPI document covers every API route the service has, with the contract's error answers. */
@MicronautTest(transactional = false)
class OpenApiDocumentTest extends FreshDatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    /** MLflow's REST API (issue 12) is documented by MLflow, and docs/mlflow.md says where mlledger differs. */
    @Test
    void every_route_of_the_api_but_mlflow_s_is_in_the_served_document_with_its_method() {
        Map<String, Map<String, Object>> paths = paths(document());
        Set<String> missing = new TreeSet<>();
        Set<String> routes = new TreeSet<>();
        router.uriRoutes().map(UriRouteInfo.class::cast)
                .filter(route -> route.getUriMatchTemplate().toPathString().startsWith("/api/")
                        || route.getUriMatchTemplate().toPathString().equals("/health"))
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .filter(route -> !route.getUriMatchTemplate().toPathString().startsWith("/api/2.0/mlflow/"))
                .forEach(route -> {
                    String path = route.getUriMatchTemplate().toPathString();
                    String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
                    routes.add(method + " " + path);
                    if (!paths.containsKey(path) || !paths.get(path).containsKey(method)) {
                        missing.add(method + " " + path);
                    }
                });

        assertTrue(routes.size() >= 22, "the API's routes were found: " + routes);
        assertEquals(Set.of(), missing, "routes missing from /openapi.yml");
        assertTrue(paths.keySet().stream().noneMatch(path -> path.contains("mlflow")), paths::toString);
    }

    @Test
    void the_document_describes_request_bodies_and_problem_json_errors_of_the_contract() {
        Map<String, Object> document = document();
        @SuppressWarnings("unchecked")
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        for (String schema : List.of("PredictRequest", "PredictBatchRequest", "RecordPredictionRequest",
                "CreateExperimentRequest", "MetricBatchRequest", "Problem", "PredictionView")) {
            assertTrue(schemas.containsKey(schema), "schema " + schema);
        }
        String text = http().get("/openapi.yml").body();
        for (String status : List.of("\"400\"", "\"404\"", "\"409\"", "\"413\"", "\"415\"", "\"503\"")) {
            assertTrue(text.contains(status + ":"), "error answer " + status);
        }
        assertTrue(text.contains("application/problem+json"));
        assertFalse(text.contains("format: byte"), "no request body is described as raw bytes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_document_declares_bearer_and_basic_credentials_for_swagger_ui_s_authorize_button() {
        Map<String, Object> document = document();
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .get("securitySchemes");

        assertEquals("bearer", ((Map<String, Object>) schemes.get("bearer")).get("scheme"));
        assertEquals("basic", ((Map<String, Object>) schemes.get("basic")).get("scheme"));
        assertEquals(List.of(Map.of("bearer", List.of()), Map.of("basic", List.of())), document.get("security"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_post_route_but_token_issuing_documents_the_idempotency_key_header_and_its_409_and_422() {
        Map<String, Map<String, Object>> paths = paths(document());
        Set<String> posts = new TreeSet<>();
        Set<String> without = new TreeSet<>();
        paths.forEach((path, operations) -> {
            Map<String, Object> post = (Map<String, Object>) operations.get("post");
            // an issued token's answer holds its secret, which is never stored: that POST takes no idempotency key
            if (post == null || !path.startsWith("/api/") || path.equals("/api/v1/tokens")) {
                return;
            }
            posts.add(path);
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) post.getOrDefault("parameters", List.of());
            boolean header = parameters.stream().anyMatch(parameter -> "Idempotency-Key".equals(parameter.get("name"))
                    && "header".equals(parameter.get("in")) && !Boolean.TRUE.equals(parameter.get("required")));
            Map<String, Object> responses = (Map<String, Object>) post.get("responses");
            if (!header || !responses.containsKey("409") || !responses.containsKey("422")) {
                without.add(path);
            }
        });

        assertEquals(12, posts.size(), posts::toString);
        assertEquals(Set.of(), without, "POST routes without the optional Idempotency-Key header, 409 or 422");
    }

    @Test
    void swagger_ui_is_served_with_its_assets_and_points_at_the_document_without_credentials() {
        assertEquals(200, http().anonymous().get("/openapi.yml").statusCode());
        assertEquals(200, http().anonymous().get("/swagger-ui/index.html").statusCode());
        HttpResponse<String> redirect = http().get("/swagger-ui");
        assertEquals(303, redirect.statusCode());
        HttpResponse<String> page = http().get("/swagger-ui/index.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/swagger/mlledger-1.yml"), "the page loads the generated document");
        assertEquals(200, http().get("/swagger-ui/res/swagger-ui-bundle.js").statusCode());
        assertEquals(200, http().get("/swagger/mlledger-1.yml").statusCode());
    }

    private Map<String, Object> document() {
        HttpResponse<String> response = http().get("/openapi.yml");
        assertEquals(200, response.statusCode());
        return new Yaml().load(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths(Map<String, Object> document) {
        return (Map<String, Map<String, Object>>) document.get("paths");
    }

    private RawHttp http() {
        return new RawHttp(server.getURL());
    }
}
