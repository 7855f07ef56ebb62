package dev.mlledger.domain.contract;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.mlledger.domain.contract.ContractData.T0;
import static dev.mlledger.domain.contract.ContractData.T0_FINE;
import static dev.mlledger.domain.contract.ContractData.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request log: round trip, all-or-nothing batches, and retention that keeps the statistics right. */
public abstract class RequestLogContract extends StorageContract {

    @Test
    void an_appended_entry_reads_back_equal() {
        RequestLogEntry entry = new RequestLogEntry(Ids.newId(), T0_FINE, "/api/v1/model", "GET",
                new JsonDocument("{}"), null, null, 200, null);
        writing(() -> store.requestLog().append(List.of(entry)));

        RequestLogEntry found = read(() -> store.requestLog().find(entry.id())).orElseThrow();

        assertEquals(entry.id(), found.id());
        assertEquals(micros(entry.createdAt()), micros(found.createdAt()));
        assertEquals("/api/v1/model", found.endpoint());
        assertEquals("GET", found.method());
        assertEquals(200, found.httpStatus());
        assertEquals(null, found.clientIp());
        assertEquals(null, found.responseTimeMs());
    }

    @Test
    void the_caller_of_a_request_reads_back_and_an_anonymous_request_has_none() {
        RequestLogEntry authenticated = new RequestLogEntry(Ids.newId(), T0, "/api/v1/predict", "POST",
                new JsonDocument("{}"), null, null, 200, 3, new Caller("ci-pipeline", Role.SCORER));
        RequestLogEntry anonymous = new RequestLogEntry(Ids.newId(), T0, "/api/v1/predict", "POST",
                new JsonDocument("{}"), null, null, 401, 1, null);
        writing(() -> store.requestLog().append(List.of(authenticated, anonymous)));

        assertEquals(new Caller("ci-pipeline", Role.SCORER),
                read(() -> store.requestLog().find(authenticated.id())).orElseThrow().caller());
        assertEquals(null, read(() -> store.requestLog().find(anonymous.id())).orElseThrow().caller());
    }

    @Test
    void the_caller_of_a_request_that_made_predictions_reads_back() {
        RequestLogEntry request = new RequestLogEntry(Ids.newId(), T0, "/api/v1/predict", "POST",
                new JsonDocument("{}"), null, null, 200, 3, new Caller("alice", Role.ADMIN));
        writing(() -> store.predictions().addAll(request,
                List.of(ContractData.prediction(request, T0, 0.5, "m", null))));

        assertEquals(new Caller("alice", Role.ADMIN),
                read(() -> store.requestLog().find(request.id())).orElseThrow().caller());
    }

    @Test
    void a_batch_with_a_repeated_id_is_refused_whole() {
        RequestLogEntry first = ContractData.request(T0);
        RequestLogEntry other = ContractData.request(T0);

        assertThrows(RuntimeException.class, () -> writing(() -> store.requestLog().append(List.of(other, first, first))));

        assertTrue(read(() -> store.requestLog().find(other.id())).isEmpty());
    }

    @Test
    void a_purge_deletes_the_oldest_entries_before_the_cut_off_at_most_as_many_as_asked_with_their_predictions() {
        List<RequestLogEntry> requests = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            RequestLogEntry request = ContractData.request(T0.plus(Duration.ofDays(day)));
            requests.add(request);
            predictions.add(ContractData.prediction(request, request.createdAt(), 0.1 * day, "m", null));
            predictions.add(ContractData.prediction(request, request.createdAt(), 0.05 * day, "m", null));
        }
        writing(() -> {
            store.requestLog().append(requests);
            store.predictions().addAll(predictions);
        });
        Instant cutoff = T0.plus(Duration.ofDays(6));

        PurgeResult first = write(() -> store.requestLog().purgeOlderThan(cutoff, 4));
        PurgeResult second = write(() -> store.requestLog().purgeOlderThan(cutoff, 4));
        PurgeResult third = write(() -> store.requestLog().purgeOlderThan(cutoff, 4));

        assertEquals(new PurgeResult(4, 8), first);
        assertEquals(new PurgeResult(2, 4), second);
        assertEquals(PurgeResult.NOTHING, third);
        for (int day = 0; day < 10; day++) {
            RequestLogEntry request = requests.get(day);
            boolean kept = day >= 6;
            assertEquals(kept, read(() -> store.requestLog().find(request.id())).isPresent(), "day " + day);
            assertEquals(kept ? 2 : 0, read(() -> store.predictions().findByRequest(request.id())).size(), "day " + day);
        }
        long counted = read(() -> store.predictions().tally(null, null, null)).stream().mapToLong(RiskTally::count).sum();
        assertEquals(8, counted, "the statistics count only what remains");
    }
}
