package dev.mlledger.domain.contract;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static dev.mlledger.domain.contract.ContractData.T0;
import static dev.mlledger.domain.contract.ContractData.T0_FINE;
import static dev.mlledger.domain.contract.ContractData.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored predictions: round trip, order, filters, keyset pages and statistics. */
public abstract class PredictionsContract extends StorageContract {

    private static final Comparator<Prediction> NEWEST_FIRST = Comparator.comparing(Prediction::createdAt)
            .thenComparing(Prediction::id, ContractData::compareIds).reversed();

    @Test
    void a_principal_s_predictions_are_listed_and_tallied_apart_from_everyone_else_s() {
        List<Prediction> alices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String who = i % 3 == 0 ? "alice" : i % 3 == 1 ? "bob" : null;
            RequestLogEntry request = new RequestLogEntry(Ids.newId(), T0.plusSeconds(i), "/api/v1/predict", "POST",
                    new JsonDocument("{}"), null, null, 200, 1, who == null ? null : new Caller(who, Role.SCORER));
            Prediction made = ContractData.prediction(request, T0.plusSeconds(i), 0.7, "m", "E-" + i);
            writing(() -> store.predictions().addAll(request, List.of(made)));
            if ("alice".equals(who)) {
                alices.add(made);
            }
        }
        PredictionFilter ofAlice = new PredictionFilter(null, null, null, null, null, null, null, "alice");

        Page<Prediction> page = read(() -> store.predictions().list(ofAlice, null, 10));
        List<RiskTally> tally = read(() -> store.predictions().tally(null, null, null, "alice"));

        assertEquals(List.of(alices.get(1).id(), alices.get(0).id()), page.items().stream().map(Prediction::id).toList());
        assertEquals(List.of(new RiskTally("m", RiskLevel.HIGH, 2, 1.4)).toString(), tally.toString());
        assertEquals(List.of(alices.get(1).id()), read(() -> store.predictions().list(
                new PredictionFilter(null, "E-3", null, null, null, null, null, "alice"), null, 10)).items().stream()
                .map(Prediction::id).toList());
        assertTrue(read(() -> store.predictions().list(
                new PredictionFilter(null, null, null, null, null, null, null, "nobody"), null, 10)).items().isEmpty());
        assertEquals(6, read(() -> store.predictions().tally(null, null, null)).stream().mapToLong(RiskTally::count).sum());
    }

    @Test
    void a_stored_prediction_reads_back_equal_with_its_snapshot() {
        RequestLogEntry request = ContractData.request(T0_FINE);
        Prediction prediction = ContractData.prediction(request, T0_FINE, 0.73, "m-1", "E-7");
        writing(() -> {
            store.requestLog().append(List.of(request));
            store.predictions().addAll(List.of(prediction));
        });

        Prediction found = read(() -> store.predictions().find(prediction.id())).orElseThrow();

        assertEquals(prediction.id(), found.id());
        assertEquals(micros(prediction.createdAt()), micros(found.createdAt()));
        assertEquals(micros(prediction.predictionDate()), micros(found.predictionDate()));
        assertEquals(prediction.probability(), found.probability());
        assertEquals(prediction.riskLevel(), found.riskLevel());
        assertEquals("E-7", found.employeeId());
        assertTrue(found.featuresSnapshot().text().replace(" ", "").contains("\"age\":41"), found.featuresSnapshot().text());
    }

    @Test
    void the_predictions_of_a_request_come_in_the_order_they_were_made() {
        RequestLogEntry request = ContractData.request(T0);
        List<Prediction> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(ContractData.prediction(request, T0, i / 20.0, "m", "E-" + i));
        }
        writing(() -> {
            store.requestLog().append(List.of(request));
            store.predictions().addAll(batch);
        });

        assertEquals(batch.stream().map(Prediction::id).toList(),
                read(() -> store.predictions().findByRequest(request.id())).stream().map(Prediction::id).toList());
    }

    @Test
    void a_request_and_the_predictions_it_made_are_stored_together_or_not_at_all() {
        RequestLogEntry request = ContractData.request(T0);
        List<Prediction> made = List.of(ContractData.prediction(request, T0, 0.2, "m", "E-1"),
                ContractData.prediction(request, T0, 0.8, "m", "E-2"));
        writing(() -> store.predictions().addAll(request, made));

        assertTrue(read(() -> store.requestLog().find(request.id())).isPresent());
        assertEquals(made.stream().map(Prediction::id).toList(),
                read(() -> store.predictions().findByRequest(request.id())).stream().map(Prediction::id).toList());

        RequestLogEntry second = ContractData.request(T0);
        Prediction twice = ContractData.prediction(second, T0, 0.5, "m", null);
        assertThrows(RuntimeException.class, () -> writing(() -> store.predictions().addAll(second, List.of(twice, twice))));
        assertTrue(read(() -> store.requestLog().find(second.id())).isEmpty(), "the request goes with its predictions");
    }

    @Test
    void several_requests_and_their_predictions_are_stored_in_one_step_together_or_not_at_all() {
        RequestLogEntry first = ContractData.request(T0);
        RequestLogEntry second = ContractData.request(T0.plusSeconds(1));
        List<Prediction> made = List.of(ContractData.prediction(first, T0, 0.2, "m", "E-1"),
                ContractData.prediction(second, T0.plusSeconds(1), 0.9, "m", "E-2"),
                ContractData.prediction(second, T0.plusSeconds(1), 0.4, "m", "E-3"));
        writing(() -> store.predictions().addAll(List.of(first, second), made));

        assertEquals(List.of(made.get(0).id()),
                read(() -> store.predictions().findByRequest(first.id())).stream().map(Prediction::id).toList());
        assertEquals(List.of(made.get(1).id(), made.get(2).id()),
                read(() -> store.predictions().findByRequest(second.id())).stream().map(Prediction::id).toList());
        assertEquals(3, read(() -> store.predictions().tally(null, null, null)).stream().mapToLong(RiskTally::count).sum());

        RequestLogEntry third = ContractData.request(T0);
        RequestLogEntry fourth = ContractData.request(T0);
        Prediction fine = ContractData.prediction(third, T0, 0.5, "m", null);
        Prediction twice = ContractData.prediction(fourth, T0, 0.5, "m", null);
        assertThrows(RuntimeException.class, () -> writing(() ->
                store.predictions().addAll(List.of(third, fourth), List.of(fine, twice, twice))));
        assertTrue(read(() -> store.requestLog().find(third.id())).isEmpty(), "no request of a failed step is kept");
        assertTrue(read(() -> store.predictions().find(fine.id())).isEmpty(), "no prediction of a failed step is kept");
    }

    @Test
    void a_prediction_of_a_request_that_was_never_logged_is_refused() {
        RequestLogEntry neverLogged = ContractData.request(T0);

        assertThrows(RuntimeException.class, () -> writing(() ->
                store.predictions().addAll(List.of(ContractData.prediction(neverLogged, T0, 0.5, "m", null)))));
    }

    @Test
    void every_filter_alone_and_combined_selects_what_it_says_newest_first() {
        List<Prediction> all = storeSpread(60, new Random(7));
        Instant from = T0.plus(Duration.ofHours(10));
        Instant to = T0.plus(Duration.ofHours(40));
        Map<PredictionFilter, Predicate<Prediction>> cases = new HashMap<>();
        cases.put(PredictionFilter.ALL, p -> true);
        cases.put(new PredictionFilter(RiskLevel.HIGH, null, null, null, null, null, null), p -> p.riskLevel() == RiskLevel.HIGH);
        cases.put(new PredictionFilter(null, "E-3", null, null, null, null, null), p -> "E-3".equals(p.employeeId()));
        cases.put(new PredictionFilter(null, null, "m-b", null, null, null, null), p -> p.modelVersion().equals("m-b"));
        cases.put(new PredictionFilter(null, null, null, from, to, null, null),
                p -> !p.createdAt().isBefore(from) && p.createdAt().isBefore(to));
        cases.put(new PredictionFilter(null, null, null, null, null, 0.25, 0.75),
                p -> p.probability().value() >= 0.25 && p.probability().value() <= 0.75);
        cases.put(new PredictionFilter(RiskLevel.MEDIUM, null, "m-a", from, null, 0.4, null),
                p -> p.riskLevel() == RiskLevel.MEDIUM && p.modelVersion().equals("m-a") && !p.createdAt().isBefore(from)
                        && p.probability().value() >= 0.4);

        cases.forEach((filter, selects) -> {
            List<Prediction> expected = all.stream().filter(selects).sorted(NEWEST_FIRST).toList();
            assertEquals(ids(expected), ids(pageThrough(filter, 7)), filter.toString());
        });
    }

    @Test
    void keyset_pages_visit_every_prediction_once_in_order_even_when_many_share_a_creation_time() {
        RequestLogEntry request = ContractData.request(T0);
        List<Prediction> sameInstant = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sameInstant.add(ContractData.prediction(request, T0, 0.5, "m", null));
        }
        writing(() -> {
            store.requestLog().append(List.of(request));
            store.predictions().addAll(sameInstant);
        });

        List<Prediction> visited = pageThrough(PredictionFilter.ALL, 4);

        assertEquals(ids(sameInstant.stream().sorted(NEWEST_FIRST).toList()), ids(visited));
    }

    @Test
    void a_page_says_whether_more_follow() {
        storeSpread(5, new Random(1));

        assertTrue(read(() -> store.predictions().list(PredictionFilter.ALL, null, 4)).hasMore());
        assertFalse(read(() -> store.predictions().list(PredictionFilter.ALL, null, 5)).hasMore());
    }

    @Test
    void statistics_of_any_range_and_model_equal_a_count_of_the_stored_predictions() {
        Random random = new Random(42);
        List<Prediction> all = storeSpread(300, random);
        for (int round = 0; round < 60; round++) {
            Instant from = round % 5 == 0 ? null : T0.plusSeconds(random.nextInt(4 * 24 * 3600) - 3600);
            Instant to = round % 7 == 0 ? null : T0.plusSeconds(random.nextInt(4 * 24 * 3600));
            String model = round % 3 == 0 ? "m-a" : null;
            Map<String, Long> expected = new HashMap<>();
            Map<String, Double> expectedSums = new HashMap<>();
            all.stream()
                    .filter(p -> (from == null || !p.createdAt().isBefore(from)) && (to == null || p.createdAt().isBefore(to)))
                    .filter(p -> model == null || p.modelVersion().equals(model))
                    .forEach(p -> {
                        String key = p.modelVersion() + "/" + p.riskLevel();
                        expected.merge(key, 1L, Long::sum);
                        expectedSums.merge(key, p.probability().value(), Double::sum);
                    });

            List<RiskTally> tallies = read(() -> store.predictions().tally(from, to, model));

            Map<String, Long> counted = new HashMap<>();
            for (RiskTally tally : tallies) {
                if (tally.count() != 0) {
                    String key = tally.modelVersion() + "/" + tally.riskLevel();
                    counted.put(key, tally.count());
                    assertEquals(expectedSums.get(key), tally.probabilitySum(), 1e-9, key);
                }
            }
            assertEquals(expected, counted, "from " + from + " to " + to + " model " + model);
        }
    }

    /** Predictions spread over four days and two models, each with a request of its own. */
    protected List<Prediction> storeSpread(int count, Random random) {
        List<RequestLogEntry> requests = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = T0.plusSeconds(random.nextInt(4 * 24 * 3600));
            RequestLogEntry request = ContractData.request(at);
            requests.add(request);
            predictions.add(ContractData.prediction(request, at, Math.round(random.nextDouble() * 1000) / 1000.0,
                    random.nextBoolean() ? "m-a" : "m-b", "E-" + random.nextInt(5)));
        }
        writing(() -> {
            store.requestLog().append(requests);
            store.predictions().addAll(predictions);
        });
        return predictions;
    }

    private List<Prediction> pageThrough(PredictionFilter filter, int limit) {
        List<Prediction> visited = new ArrayList<>();
        Keyset after = null;
        while (true) {
            Keyset position = after;
            Page<Prediction> page = read(() -> store.predictions().list(filter, position, limit));
            visited.addAll(page.items());
            if (!page.hasMore()) {
                return visited;
            }
            Prediction last = page.items().getLast();
            after = new Keyset(last.createdAt(), last.id());
        }
    }

    private static List<java.util.UUID> ids(List<Prediction> predictions) {
        return predictions.stream().map(Prediction::id).toList();
    }
}
