package dev.mlledger.bootstrap.http;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthEndpointTest extends FreshDatabaseTest {

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> settings() {
        return Map.of("datasources.default.connection-timeout", "1000");
    }

    @Test
    @Order(1)
    void health_is_up_with_the_database_state_when_the_database_answers() {
        HttpResponse<String> response = new RawHttp(server.getURL()).get("/health");

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = parse(response.body());
        assertEquals("UP", body.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> database = (Map<String, Object>) body.get("database");
        assertEquals("UP", database.get("status"));
        assertTrue(((String) database.get("description")).startsWith("PostgreSQL"), database::toString);
    }

    @Test
    @Order(2)
    void health_is_down_with_503_when_the_database_is_gone() {
        TestPostgres.get().execute("DROP DATABASE " + database.name() + " WITH (FORCE)");

        HttpResponse<String> response = new RawHttp(server.getURL()).get("/health");

        assertEquals(503, response.statusCode(), response.body());
        Map<String, Object> body = parse(response.body());
        assertEquals("DOWN", body.get("status"));
        assertEquals(Map.of("status", "DOWN", "description", "database unreachable"), body.get("database"));
    }
}
