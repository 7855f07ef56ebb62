package dev.mlledger.bootstrap.experiment;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two clients ending the same run at the same moment: exactly one 200, the other 409, round after round. */
@MicronautTest(transactional = false)
class FinishRunConcurrencyTest extends FreshDatabaseTest {

    private static final int ROUNDS = 60;

    @Inject
    EmbeddedServer server;

    @Test
    void of_two_clients_ending_the_same_run_at_once_exactly_one_wins_and_the_other_gets_409() throws Exception {
        RawHttp http = new RawHttp(server.getURL());
        HttpResponse<String> experiment = http.postJson("/api/v1/experiments",
                "{\"name\": \"race\", \"owner\": \"racer\"}");
        String experimentId = (String) parse(experiment.body()).get("id");
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                HttpResponse<String> run = http.send("POST", "/api/v1/experiments/" + experimentId + "/runs",
                        "application/json", "{\"seed\": " + round + "}");
                String runId = (String) parse(run.body()).get("id");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (String outcome : new String[]{"completed", "failed"}) {
                    answers.add(clients.submit(() -> {
                        together.await();
                        return http.send("PATCH", "/api/v1/runs/" + runId, "application/json",
                                "{\"status\": \"" + outcome + "\"}");
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 200) {
                        winner = (String) parse(response.body()).get("status");
                    }
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(200, 409), statuses, "round " + round);
                assertEquals(winner, storedStatus(runId), "the stored outcome is the winner's, round " + round);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private String storedStatus(String runId) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT status FROM runs WHERE id = ?::uuid")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
