package dev.mlledger.bootstrap.security;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.bootstrap.testing.Rows;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.mlledger.bootstrap.security.SecurityApi.issueToken;
import static dev.mlledger.bootstrap.testing.ProblemAssertions.assertProblem;
import static dev.mlledger.bootstrap.testing.TrackingApi.body;
import static dev.mlledger.bootstrap.testing.TrackingApi.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 11, who: every request-log row carries its principal and role, and an experiment its owner. */
@MicronautTest(transactional = false)
class AuditTrailTest extends FreshDatabaseTest {

    private static final String EMPLOYEE = "{\"employee_id\": \"E-7\", \"features\": {\"age\": 36.9, "
            + "\"monthly_income\": 6503, \"overtime\": false, \"job_satisfaction\": 2.73}}";

    @Inject
    EmbeddedServer server;

    private RawHttp admin;
    private RawHttp scorer;
    private RawHttp tracker;
    private RawHttp reader;

    @BeforeAll
    void tokens() {
        admin = new RawHttp(server.getURL());
        scorer = admin.as(issueToken(admin, "audit-scorer", "scorer"));
        tracker = admin.as(issueToken(admin, "audit-tracker", "tracker"));
        reader = admin.as(issueToken(admin, "audit-reader", "reader"));
    }

    @Test
    void a_scored_request_shows_its_principal_and_role_in_the_request_log_and_its_row() {
        String requestId = (String) body(expect(200, scorer.postJson("/api/v1/predict", EMPLOYEE))).get("request_id");

        Map<String, Object> logged = body(expect(200, reader.get("/api/v1/requests/" + requestId)));

        assertEquals("audit-scorer", logged.get("principal"));
        assertEquals("scorer", logged.get("role"));
        assertEquals(List.of(Map.of("principal", "audit-scorer", "role", "scorer")), Rows.query(database,
                "SELECT principal, role FROM api_requests WHERE id = ?::uuid", requestId));
    }

    @Test
    void a_request_logged_after_its_answer_carries_its_principal_and_strongest_role() {
        expect(200, tracker.get("/api/v1/experiments?owner=tracker-read"));
        expect(200, admin.get("/api/v1/experiments?owner=admin-read"));

        assertEquals(List.of(Map.of("principal", "audit-tracker", "role", "tracker", "http_status", 200)),
                logged("tracker-read"));
        assertEquals(List.of(Map.of("principal", "admin", "role", "admin", "http_status", 200)), logged("admin-read"));
    }

    @Test
    void a_refused_request_is_logged_with_who_was_refused() {
        assertProblem(reader.send("DELETE", "/api/v1/retention?older_than_days=1&owner=reader-purge", null, null), 403);

        assertEquals(List.of(Map.of("principal", "audit-reader", "role", "reader", "http_status", 403)),
                logged("reader-purge"));
    }

    @Test
    void an_experiment_an_admin_creates_for_an_owner_belongs_to_that_owner() {
        Map<String, Object> created = body(expect(201, admin.postJson("/api/v1/experiments",
                "{\"name\": \"on-behalf\", \"owner\": \"audit-tracker\"}")));

        assertEquals("audit-tracker", created.get("owner"));
        assertEquals("audit-tracker", body(expect(200, reader.get("/api/v1/experiments/" + created.get("id"))))
                .get("owner"));
        // and so its owner may change it
        expect(200, tracker.send("PATCH", "/api/v1/experiments/" + created.get("id"), "application/json",
                "{\"description\": \"mine now\"}"));
    }

    @Test
    void an_experiment_a_tracker_creates_without_owner_is_its_own() {
        Map<String, Object> created = body(expect(201, tracker.postJson("/api/v1/experiments",
                "{\"name\": \"my-own\"}")));

        assertEquals("audit-tracker", created.get("owner"));
        assertEquals(List.of(Map.of("owner", "audit-tracker")), Rows.query(database,
                "SELECT owner FROM experiments WHERE id = ?::uuid", created.get("id")));
    }

    @Test
    void a_tracker_may_name_itself_as_owner_but_nobody_else() {
        expect(201, tracker.postJson("/api/v1/experiments", "{\"name\": \"self-named\", \"owner\": \"audit-tracker\"}"));

        assertProblem(tracker.postJson("/api/v1/experiments", "{\"name\": \"for-carol\", \"owner\": \"carol\"}"), 403);

        assertEquals(0, Rows.count(database, "SELECT count(*) FROM experiments WHERE name = 'for-carol'"));
    }

    private List<Map<String, Object>> logged(String audit) {
        return Rows.await(database, Duration.ofSeconds(10),
                "SELECT principal, role, http_status FROM api_requests WHERE request_data ->> 'owner' = ?", audit);
    }
}
