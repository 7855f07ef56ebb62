package dev.mlledger.bootstrap;

import dev.mlledger.bootstrap.testing.TestCredentials;
import dev.mlledger.adapters.persistence.testing.TestDatabase;
import dev.mlledger.adapters.persistence.testing.TestPostgres;
import dev.mlledger.bootstrap.testing.RawHttp;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A clean stop loses nothing: buffered request-log rows are written, and a request in flight is answered. */
class GracefulShutdownTest {

    @Test
    void request_log_rows_still_in_the_buffer_are_written_when_the_service_stops() throws SQLException {
        TestDatabase database = TestPostgres.get().createDatabase();
        RunningService service = RunningService.start(arguments(database,
                "-mlledger.request-log.flush-interval=1h", "-mlledger.request-log.batch-size=1000"));
        RawHttp http = new RawHttp(service.server().getURL());
        for (int i = 0; i < 25; i++) {
            // an undeclared query parameter (once "?call=" + i) is a 400 since 2026-12-01
            assertEquals(200, http.get("/api/v1/model").statusCode());
        }

        service.close();

        assertEquals(25, count(database, "SELECT count(*) FROM api_requests WHERE endpoint = '/api/v1/model'"));
    }

    @Test
    void a_request_whose_body_is_still_arriving_when_the_stop_begins_is_answered_and_stored() throws Exception {
        TestDatabase database = TestPostgres.get().createDatabase();
        RunningService service = RunningService.start(arguments(database));
        byte[] body = ("{\"employee_id\": \"S-1\", \"features\": {\"age\": 30, \"monthly_income\": 4000, "
                + "\"overtime\": true, \"job_satisfaction\": 3}}").getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        try (Socket socket = new Socket("127.0.0.1", service.server().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + TestCredentials.bearer(TestCredentials.ADMIN_TOKEN) + "\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            Thread.sleep(200);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(service::close);
            Thread.sleep(300);

            out.write(body, half, body.length - half);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            stopping.get(60, TimeUnit.SECONDS);

            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertEquals(1, count(database, "SELECT count(*) FROM predictions WHERE employee_id = 'S-1'"));
    }

    private static String[] arguments(TestDatabase database, String... more) {
        String[] base = {"-micronaut.server.port=-1", "-datasources.default.url=" + database.jdbcUrl(),
                "-datasources.default.username=" + database.user(), "-datasources.default.password=" + database.password()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
