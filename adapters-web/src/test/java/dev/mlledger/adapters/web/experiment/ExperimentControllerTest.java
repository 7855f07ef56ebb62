package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.testing.WebTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExperimentControllerTest extends WebTest {

    @Test
    void anExperimentCreatedWithRunsIsRunningAndFoundAtItsLocation() {
        HttpResponse<String> created = send("POST", "/api/v1/experiments",
                "{\"name\": \"baseline\", \"owner\": \"alice\", \"runs\": [{\"seed\": 42}, {}]}");

        Map<String, Object> experiment = body(created, 201);
        assertEquals("running", experiment.get("status"));
        assertEquals(2, ((List<?>) experiment.get("runs")).size());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertEquals(experiment.get("id"), body(send("GET", location, null), 200).get("id"));
    }

    @Test
    void aDescriptionSentAsNullIsClearedAndOneNotSentIsKept() {
        String id = (String) body(send("POST", "/api/v1/experiments",
                "{\"name\": \"n\", \"owner\": \"o\", \"description\": \"first\"}"), 201).get("id");

        assertEquals("first", body(send("PATCH", "/api/v1/experiments/" + id, "{\"status\": \"running\"}"), 200)
                .get("description"));
        assertNull(body(send("PATCH", "/api/v1/experiments/" + id, "{\"description\": null}"), 200)
                .get("description"));
    }

    @Test
    void aRunStartsWithNoBodyAtAll() {
        String id = (String) body(send("POST", "/api/v1/experiments", "{\"name\": \"n\", \"owner\": \"o\"}"), 201)
                .get("id");

        Map<String, Object> run = body(send("POST", "/api/v1/experiments/" + id + "/runs", null), 201);

        assertEquals("running", run.get("status"));
        assertNull(run.get("seed"));
    }
}
