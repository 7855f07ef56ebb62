package dev.mlledger.adapters.persistence.requestlog;

import dev.mlledger.adapters.persistence.testing.EmptyLedgerTest;
import dev.mlledger.adapters.persistence.testing.LedgerRows;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.mlledger.adapters.persistence.testing.LedgerRows.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false, startApplication = false)
class JdbcRequestLogTest extends EmptyLedgerTest {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    @Inject
    RequestLog requestLog;

    @Inject
    Predictions predictions;

    @Test
    void an_appended_entry_is_found_as_it_was_given() throws SQLException {
        RequestLogEntry entry = new RequestLogEntry(Ids.newId(), Instant.parse("2026-01-05T08:00:00.123456789Z"),
                "/api/v1/predict", "POST", new JsonDocument("{\"employee_id\":\"E-1\",\"features\":{\"age\":41}}"),
                "2001:db8:85a3::8a2e:370:7334", "curl/8.5.0 \"quoted\" \\ ünï 😀", 200, 37);

        append(entry);
        RequestLogEntry found = find(entry.id()).orElseThrow();

        assertEquals(Instant.parse("2026-01-05T08:00:00.123456Z"), found.createdAt());
        assertEquals(entry.endpoint(), found.endpoint());
        assertEquals(entry.method(), found.method());
        assertEquals(entry.clientIp(), found.clientIp());
        assertEquals(entry.userAgent(), found.userAgent());
        assertEquals(entry.httpStatus(), found.httpStatus());
        assertEquals(entry.responseTimeMs(), found.responseTimeMs());
        LedgerRows.assertSameJson(database, entry.requestData(), found.requestData());
    }

    @Test
    void an_entry_without_client_ip_user_agent_or_response_time_keeps_them_absent() {
        RequestLogEntry entry = new RequestLogEntry(Ids.newId(), START, "/api/v1/predictions", "GET",
                JsonDocument.EMPTY_OBJECT, null, null, 503, null);

        append(entry);

        assertEquals(entry, find(entry.id()).orElseThrow());
    }

    @Test
    void text_with_nul_characters_is_stored_without_them() {
        RequestLogEntry entry = new RequestLogEntry(Ids.newId(), START, "/api/v1/\u0000predict", "PO\u0000ST",
                JsonDocument.EMPTY_OBJECT, "10.0.0.\u00001", "agent\u0000 007", 400, 3);

        append(entry);
        RequestLogEntry found = find(entry.id()).orElseThrow();

        assertEquals("/api/v1/predict", found.endpoint());
        assertEquals("POST", found.method());
        assertEquals("10.0.0.1", found.clientIp());
        assertEquals("agent 007", found.userAgent());
    }

    @Test
    void over_long_text_is_cut_to_its_column() {
        RequestLogEntry entry = new RequestLogEntry(Ids.newId(), START, "/api/" + "p".repeat(300), "PROPFINDXYZ",
                JsonDocument.EMPTY_OBJECT, "1".repeat(60), "Mozilla/5.0 " + "ü".repeat(2000), 404, 1);

        append(entry);
        RequestLogEntry found = find(entry.id()).orElseThrow();

        assertEquals(RequestColumns.USER_AGENT_MAX, found.userAgent().length());
        assertEquals(("Mozilla/5.0 " + "ü".repeat(2000)).substring(0, RequestColumns.USER_AGENT_MAX), found.userAgent());
        assertEquals(RequestColumns.ENDPOINT_MAX, found.endpoint().length());
        assertEquals("PROPFINDXY", found.method());
        assertEquals(RequestColumns.CLIENT_IP_MAX, found.clientIp().length());
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertEquals(Optional.empty(), find(Ids.newId()));
    }

    @Test
    void a_batch_is_stored_in_full() {
        List<RequestLogEntry> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(request(Ids.newId(), START.plusMillis(i)));
        }

        append(batch.toArray(RequestLogEntry[]::new));

        assertEquals(ids(batch), new HashSet<>(LedgerRows.requestIds(database)));
        assertEquals(batch.get(250), find(batch.get(250).id()).orElseThrow());
    }

    @Test
    void a_batch_with_a_duplicate_id_stores_nothing() {
        UUID repeated = Ids.newId();
        RequestLogEntry first = request(repeated, START);
        RequestLogEntry other = request(Ids.newId(), START);
        RequestLogEntry again = request(repeated, START.plusSeconds(1));

        assertThrows(RuntimeException.class, () -> append(first, other, again));

        assertEquals(List.of(), LedgerRows.requestIds(database));
    }

    @Test
    void a_batch_repeating_an_id_already_stored_stores_nothing() {
        RequestLogEntry stored = request(Ids.newId(), START);
        append(stored);
        RequestLogEntry fresh = request(Ids.newId(), START);

        assertThrows(RuntimeException.class, () -> append(fresh, request(stored.id(), START.plusSeconds(5))));

        assertEquals(List.of(stored.id()), LedgerRows.requestIds(database));
        assertEquals(stored, find(stored.id()).orElseThrow());
    }

    @Test
    void a_purge_deletes_the_oldest_entries_before_the_cut_off_a_chunk_at_a_time_with_their_predictions()
            throws SQLException {
        // ten requests an hour apart, request i made i predictions; the cut-off falls on request 7
        List<RequestLogEntry> requests = new ArrayList<>();
        List<List<Prediction>> made = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 10; i++) {
            Instant at = START.plus(Duration.ofHours(i));
            RequestLogEntry entry = request(Ids.newId(), at);
            List<Prediction> ofRequest = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                ofRequest.add(LedgerRows.prediction(entry.id(), at.plusSeconds(j),
                        j % 2 == 0 ? "model-a" : "model-b", random.nextDouble()));
            }
            requests.add(entry);
            made.add(ofRequest);
            unitOfWork.write(() -> {
                requestLog.append(List.of(entry));
                predictions.addAll(ofRequest);
                return null;
            });
        }
        Instant cutoff = requests.get(7).createdAt();

        assertEquals(new PurgeResult(3, 0 + 1 + 2), purge(cutoff, 3));
        assertRemaining(requests.subList(3, 10), made.subList(3, 10));
        assertEquals(new PurgeResult(3, 3 + 4 + 5), purge(cutoff, 3));
        assertRemaining(requests.subList(6, 10), made.subList(6, 10));
        assertEquals(new PurgeResult(1, 6), purge(cutoff, 3));
        assertRemaining(requests.subList(7, 10), made.subList(7, 10));
        assertEquals(PurgeResult.NOTHING, purge(cutoff, 3));
        assertRemaining(requests.subList(7, 10), made.subList(7, 10));
    }

    @Test
    void after_purges_the_tallies_count_exactly_the_predictions_that_remain() throws SQLException {
        Random random = new Random(11);
        Instant firstDay = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            Instant at = firstDay.plusSeconds(random.nextInt(6 * 86_400));
            RequestLogEntry entry = request(Ids.newId(), at);
            List<Prediction> made = new ArrayList<>();
            for (int j = random.nextInt(8); j > 0; j--) {
                made.add(LedgerRows.prediction(entry.id(), at.plusSeconds(random.nextInt(7200)),
                        List.of("model-a", "model-b", "model-c").get(random.nextInt(3)), random.nextDouble()));
            }
            unitOfWork.write(() -> {
                requestLog.append(List.of(entry));
                predictions.addAll(made);
                return null;
            });
        }

        try (Connection connection = database.connect()) {
            for (Instant cutoff : List.of(firstDay.plus(Duration.ofHours(30)), firstDay.plus(Duration.ofDays(3)),
                    firstDay.plus(Duration.ofDays(10)))) {
                long predictionsBefore = LedgerRows.predictionIds(database).size();
                PurgeResult purged = purge(cutoff, 1_000);
                assertEquals(predictionsBefore - purged.deletedPredictions(), LedgerRows.predictionIds(database).size());
                for (String model : new String[] {null, "model-a", "model-c"}) {
                    LedgerRows.assertSameTallies(LedgerRows.bruteForceTally(connection, null, null, model),
                            unitOfWork.read(() -> predictions.tally(null, null, model)), "after purge to " + cutoff);
                    for (int k = 0; k < 30; k++) {
                        Instant from = firstDay.plusSeconds(random.nextInt(7 * 86_400));
                        Instant to = from.plusSeconds(random.nextInt(3 * 86_400));
                        LedgerRows.assertSameTallies(LedgerRows.bruteForceTally(connection, from, to, model),
                                unitOfWork.read(() -> predictions.tally(from, to, model)),
                                "[" + from + ", " + to + ") of " + model + " after purge to " + cutoff);
                    }
                }
            }
        }
        assertEquals(List.of(), LedgerRows.requestIds(database));
        assertEquals(List.of(), unitOfWork.read(() -> predictions.tally(null, null, null)).stream()
                .filter(tally -> tally.count() != 0).toList());
    }

    private void assertRemaining(List<RequestLogEntry> requests, List<List<Prediction>> made) {
        assertEquals(ids(requests), new HashSet<>(LedgerRows.requestIds(database)));
        Set<UUID> remainingPredictions = made.stream().flatMap(List::stream).map(Prediction::id)
                .collect(Collectors.toSet());
        assertEquals(remainingPredictions, new HashSet<>(LedgerRows.predictionIds(database)));
        try (Connection connection = database.connect()) {
            LedgerRows.assertSameTallies(LedgerRows.bruteForceTally(connection, null, null, null),
                    unitOfWork.read(() -> predictions.tally(null, null, null)), "all time");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PurgeResult purge(Instant cutoff, int maxRequests) {
        return unitOfWork.write(() -> requestLog.purgeOlderThan(cutoff, maxRequests));
    }

    private void append(RequestLogEntry... entries) {
        unitOfWork.write(() -> {
            requestLog.append(List.of(entries));
            return null;
        });
    }

    private Optional<RequestLogEntry> find(UUID id) {
        return unitOfWork.read(() -> requestLog.find(id));
    }

    private static Set<UUID> ids(List<RequestLogEntry> entries) {
        return entries.stream().map(RequestLogEntry::id).collect(Collectors.toSet());
    }
}
