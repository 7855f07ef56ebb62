package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.testing.WebTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void anExperimentShowsItsNumberLifecycleAndTagsAndTheListHidesDeletedOnesUnlessAsked() {
        Map<String, Object> first = body(send("POST", "/api/v1/experiments",
                "{\"name\": \"numbered\", \"owner\": \"listed\", \"tags\": {\"team\": \"vision\"}}"), 201);
        Map<String, Object> second = body(send("POST", "/api/v1/experiments",
                "{\"name\": \"numbered-2\", \"owner\": \"listed\"}"), 201);

        assertEquals(Map.of("team", "vision"), first.get("tags"));
        assertEquals("active", first.get("lifecycle"));
        assertTrue(((Number) second.get("number")).longValue() > ((Number) first.get("number")).longValue());
        assertEquals(204, send("DELETE", "/api/v1/experiments/" + first.get("id"), null).statusCode());
        assertEquals(List.of(second.get("id")), idsOf("/api/v1/experiments?owner=listed"));
        assertEquals(List.of(first.get("id")), idsOf("/api/v1/experiments?owner=listed&lifecycle=deleted"));
        assertEquals(List.of(second.get("id"), first.get("id")), idsOf("/api/v1/experiments?owner=listed&lifecycle=all"));
        assertEquals("lifecycle", errors(send("GET", "/api/v1/experiments?lifecycle=gone", null)).keySet().iterator().next());
    }

    @Test
    void aDeletedExperimentTakesNoRunsUntilRestoredAndAPurgeDeletesItForGood() {
        String id = created("binned");

        assertEquals(204, send("DELETE", "/api/v1/experiments/" + id, null).statusCode());
        assertEquals("deleted", body(send("GET", "/api/v1/experiments/" + id, null), 200).get("lifecycle"));
        assertEquals(409, send("POST", "/api/v1/experiments/" + id + "/runs", "{}").statusCode());
        assertEquals(409, send("PATCH", "/api/v1/experiments/" + id, "{\"description\": \"x\"}").statusCode());
        assertEquals("active", body(send("POST", "/api/v1/experiments/" + id + "/restore", null), 200).get("lifecycle"));
        body(send("POST", "/api/v1/experiments/" + id + "/runs", "{}"), 201);
        assertEquals(204, send("DELETE", "/api/v1/experiments/" + id + "?purge=true", null).statusCode());
        assertEquals(404, send("GET", "/api/v1/experiments/" + id, null).statusCode());
    }

    @Test
    void theDefaultExperimentIsNumberZeroTakesRunsAndCannotBeDeleted() {
        Map<String, Object> listed = body(send("GET", "/api/v1/experiments?owner=admin", null), 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> defaultOne = ((List<Map<String, Object>>) listed.get("items")).stream()
                .filter(item -> ((Number) item.get("number")).longValue() == 0).findFirst().orElseThrow();
        String id = (String) defaultOne.get("id");

        assertEquals("Default", defaultOne.get("name"));
        body(send("POST", "/api/v1/experiments/" + id + "/runs", "{}"), 201);
        assertEquals(409, send("DELETE", "/api/v1/experiments/" + id, null).statusCode());
        assertEquals(409, send("DELETE", "/api/v1/experiments/" + id + "?purge=true", null).statusCode());
    }

    @Test
    void aRenameToANameAnotherExperimentHasIsA409() {
        String id = created("rename-me");
        created("taken-name");

        assertEquals(409, send("PATCH", "/api/v1/experiments/" + id, "{\"name\": \"taken-name\"}").statusCode());
        assertEquals("fresh-name", body(send("PATCH", "/api/v1/experiments/" + id, "{\"name\": \"fresh-name\"}"), 200)
                .get("name"));
    }

    @Test
    void experimentTagsAreSetReplacedAndDeletedAndAMissingTagIsA404() {
        String id = created("tagged");

        assertEquals(204, send("POST", "/api/v1/experiments/" + id + "/tags",
                "{\"tags\": {\"team\": \"a\", \"stage\": \"dev\"}}").statusCode());
        assertEquals(204, send("POST", "/api/v1/experiments/" + id + "/tags", "{\"tags\": {\"team\": \"b\"}}").statusCode());
        assertEquals(204, send("DELETE", "/api/v1/experiments/" + id + "/tags?key=stage", null).statusCode());

        assertEquals(Map.of("team", "b"), body(send("GET", "/api/v1/experiments/" + id, null), 200).get("tags"));
        assertEquals(404, send("DELETE", "/api/v1/experiments/" + id + "/tags?key=stage", null).statusCode());
        assertTrue(errors(send("POST", "/api/v1/experiments/" + id + "/tags",
                "{\"tags\": {\"" + "k".repeat(251) + "\": \"v\"}}")).containsKey("tags.key"));
    }

    @Test
    void aRunStartsWithItsNameStartTimeAndTagsAndShowsItsParamsAndTags() {
        String experiment = created("with-runs");
        Map<String, Object> run = body(send("POST", "/api/v1/experiments/" + experiment + "/runs",
                "{\"name\": \"bert\", \"started_at\": \"2026-01-02T03:04:05Z\", \"tags\": {\"team\": \"nlp\"}}"), 201);
        String runs = "/api/v1/runs/" + run.get("id");

        assertEquals("bert", run.get("name"));
        assertEquals("2026-01-02T03:04:05Z", run.get("started_at"));
        assertEquals(Map.of("logged", 2), body(send("POST", runs + "/params",
                "{\"params\": {\"lr\": \"0.01\", \"epochs\": \"3\"}}"), 201));
        body(send("POST", runs + "/params", "{\"params\": {\"lr\": \"0.01\"}}"), 201);
        assertEquals(409, send("POST", runs + "/params", "{\"params\": {\"lr\": \"0.02\"}}").statusCode());
        body(send("POST", runs + "/tags", "{\"tags\": {\"stage\": \"dev\"}}"), 201);
        assertEquals(204, send("DELETE", runs + "/tags?key=team", null).statusCode());

        Map<String, Object> found = body(send("GET", runs, null), 200);
        assertEquals(Map.of("lr", "0.01", "epochs", "3"), found.get("params"));
        assertEquals(Map.of("stage", "dev"), found.get("tags"));
        assertEquals("admin", found.get("owner"));
        assertEquals("active", found.get("lifecycle"));
    }

    @Test
    void aRunIsKilledAtItsEndTimeRenamedDeletedAndRestored() {
        String experiment = created("lifecycle-runs");
        String runs = "/api/v1/runs/" + body(send("POST", "/api/v1/experiments/" + experiment + "/runs", null), 201).get("id");

        Map<String, Object> killed = body(send("PATCH", runs,
                "{\"status\": \"killed\", \"name\": \"renamed\", \"ended_at\": \"2030-01-01T00:00:00Z\"}"), 200);
        assertEquals("killed", killed.get("status"));
        assertEquals("renamed", killed.get("name"));
        assertEquals("2030-01-01T00:00:00Z", killed.get("ended_at"));
        assertEquals(killed, body(send("PATCH", runs, "{\"status\": \"killed\"}"), 200), "the same end again is no change");
        assertEquals(409, send("PATCH", runs, "{\"status\": \"failed\"}").statusCode());
        assertEquals(204, send("DELETE", runs, null).statusCode());
        assertEquals("deleted", body(send("GET", runs, null), 200).get("lifecycle"));
        assertEquals(409, send("POST", runs + "/tags", "{\"tags\": {\"a\": \"b\"}}").statusCode());
        assertEquals("active", body(send("POST", runs + "/restore", null), 200).get("lifecycle"));
        assertTrue(errors(send("PATCH", runs, "{\"status\": \"stopped\"}")).containsKey("status"));
    }

    private String created(String name) {
        return (String) body(send("POST", "/api/v1/experiments", "{\"name\": \"" + name + "\"}"), 201).get("id");
    }

    @SuppressWarnings("unchecked")
    private List<Object> idsOf(String path) {
        return ((List<Map<String, Object>>) body(send("GET", path, null), 200).get("items")).stream()
                .map(item -> item.get("id")).toList();
    }
}
