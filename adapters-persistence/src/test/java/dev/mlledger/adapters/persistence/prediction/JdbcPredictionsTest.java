package dev.mlledger.adapters.persistence.prediction;

import dev.mlledger.adapters.persistence.testing.EmptyLedgerTest;
import dev.mlledger.adapters.persistence.testing.LedgerRows;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.json.JsonDocument;
import dev.mlledger.domain.contract.ContractData;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.prediction.AttritionProbability;
import dev.mlledger.domain.prediction.Prediction;
import dev.mlledger.domain.prediction.PredictionFilter;
import dev.mlledger.domain.prediction.Predictions;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.requestlog.RequestLog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static dev.mlledger.adapters.persistence.testing.LedgerRows.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class JdbcPredictionsTest extends EmptyLedgerTest {

    /** PostgreSQL orders uuids byte by byte, that is as two unsigned longs. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<Prediction> NEWEST_FIRST = Comparator
            .comparing(Prediction::createdAt).thenComparing(Prediction::id, UUID_ORDER).reversed();
    private static final Instant DAY_ONE = Instant.parse("2026-02-01T00:00:00Z");

    @Inject
    Predictions predictions;

    @Inject
    RequestLog requestLog;

    @Test
    void a_stored_prediction_is_found_with_every_field_as_it_was_given() throws SQLException {
        UUID requestId = Ids.newId();
        JsonDocument snapshot = new JsonDocument(
                "{\"age\":41,\"monthly_income\":5993.5,\"overtime\":true,\"department\":\"R&D \\\"core\\\" \\\\ ünï 😀\","
                        + "\"history\":[1,2.50,null,{\"b\":false,\"a\":\"x\"}]}");
        Prediction full = new Prediction(Ids.newId(), requestId, Instant.parse("2026-02-01T10:15:30.123456789Z"),
                Instant.parse("2025-12-31T23:59:59.999999Z"), "E \"1\", {x} \\ NULL", new AttritionProbability(0.7312),
                RiskLevel.HIGH, "logreg-attrition-1.0.0", snapshot);
        Prediction bare = new Prediction(Ids.newId(), requestId, Instant.parse("2026-02-01T10:15:30.000001Z"),
                Instant.parse("2026-02-01T10:15:30.000001Z"), null, new AttritionProbability(0.0), RiskLevel.LOW, "m", null);

        write(() -> {
            requestLog.append(List.of(request(requestId, Instant.parse("2026-02-01T10:15:30Z"))));
            predictions.addAll(List.of(full, bare));
        });
        Prediction foundFull = unitOfWork.read(() -> predictions.find(full.id())).orElseThrow();
        Prediction foundBare = unitOfWork.read(() -> predictions.find(bare.id())).orElseThrow();

        // every field as given, the time cut (not rounded) to the microseconds PostgreSQL keeps
        assertEquals(withoutSnapshot(new Prediction(full.id(), full.requestId(),
                Instant.parse("2026-02-01T10:15:30.123456Z"), full.predictionDate(), full.employeeId(),
                full.probability(), full.riskLevel(), full.modelVersion(), null)), withoutSnapshot(foundFull));
        LedgerRows.assertSameJson(database, snapshot, foundFull.featuresSnapshot());
        assertEquals(bare, foundBare);
    }

    @Test
    void prediction_dates_far_in_the_past_or_future_come_back_to_the_microsecond() {
        UUID requestId = Ids.newId();
        List<Prediction> dated = new ArrayList<>();
        for (String date : List.of("1500-06-01T12:00:00.123456Z", "1582-10-10T00:00:00Z", "1900-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z")) {
            dated.add(new Prediction(Ids.newId(), requestId, DAY_ONE, Instant.parse(date), null,
                    new AttritionProbability(0.5), RiskLevel.MEDIUM, "m", null));
        }

        write(() -> {
            requestLog.append(List.of(request(requestId, DAY_ONE)));
            predictions.addAll(dated);
        });

        for (Prediction prediction : dated) {
            assertEquals(prediction.predictionDate(),
                    unitOfWork.read(() -> predictions.find(prediction.id())).orElseThrow().predictionDate());
        }
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertEquals(Optional.empty(), unitOfWork.read(() -> predictions.find(Ids.newId())));
    }

    @Test
    void the_predictions_of_a_request_come_in_the_order_they_were_made() {
        UUID requestId = Ids.newId();
        UUID otherRequestId = Ids.newId();
        List<Prediction> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(LedgerRows.prediction(requestId, DAY_ONE, "m", i / 20.0));
        }
        List<Prediction> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(7));

        write(() -> {
            requestLog.append(List.of(request(requestId, DAY_ONE), request(otherRequestId, DAY_ONE)));
            predictions.addAll(shuffled);
            predictions.addAll(List.of(LedgerRows.prediction(otherRequestId, DAY_ONE, "m", 0.5)));
        });

        assertEquals(made, unitOfWork.read(() -> predictions.findByRequest(requestId)));
        assertEquals(List.of(), unitOfWork.read(() -> predictions.findByRequest(Ids.newId())));
    }

    @Test
    void a_batch_with_one_prediction_of_an_unlogged_request_stores_nothing() {
        UUID requestId = Ids.newId();
        List<Prediction> batch = List.of(LedgerRows.prediction(requestId, DAY_ONE, "m", 0.1),
                LedgerRows.prediction(Ids.newId(), DAY_ONE, "m", 0.9));
        write(() -> requestLog.append(List.of(request(requestId, DAY_ONE))));

        assertThrows(RuntimeException.class, () -> write(() -> predictions.addAll(batch)));

        assertEquals(List.of(), LedgerRows.predictionIds(database));
        assertEquals(List.of(), unitOfWork.read(() -> predictions.tally(null, null, null)));
    }

    @Test
    void a_thousand_predictions_are_stored_in_one_call() throws SQLException {
        UUID requestId = Ids.newId();
        Random random = new Random(1000);
        List<Prediction> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(LedgerRows.prediction(requestId, DAY_ONE.plusSeconds(random.nextInt(3 * 86_400)), "m",
                    random.nextDouble()));
        }

        write(() -> {
            requestLog.append(List.of(request(requestId, DAY_ONE)));
            predictions.addAll(batch);
        });

        assertEquals(batch.stream().map(Prediction::id).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(LedgerRows.predictionIds(database)));
        try (Connection connection = database.connect()) {
            LedgerRows.assertSameTallies(LedgerRows.bruteForceTally(connection, null, null, null),
                    unitOfWork.read(() -> predictions.tally(null, null, null)), "all time");
        }
    }

    @Test
    void lists_are_newest_first_and_hold_exactly_the_predictions_each_filter_selects() {
        List<Prediction> stored = storeVariedPredictions();
        Instant from = DAY_ONE.plus(Duration.ofHours(20));
        Instant to = DAY_ONE.plus(Duration.ofHours(50));
        List<PredictionFilter> filters = List.of(
                PredictionFilter.ALL,
                filter(RiskLevel.HIGH, null, null, null, null, null, null),
                filter(RiskLevel.LOW, null, null, null, null, null, null),
                filter(null, "E-2", null, null, null, null, null),
                filter(null, "E-404", null, null, null, null, null),
                filter(null, null, "model-b", null, null, null, null),
                filter(null, null, null, from, null, null, null),
                filter(null, null, null, null, to, null, null),
                filter(null, null, null, from, to, null, null),
                filter(null, null, null, from, from, null, null),
                filter(null, null, null, stored.get(17).createdAt(), stored.get(17).createdAt().plusNanos(1000), null, null),
                filter(null, null, null, null, null, 0.5, null),
                filter(null, null, null, null, null, null, 0.25),
                filter(null, null, null, null, null, 0.25, 0.5),
                filter(null, null, null, null, null, 0.5, 0.5),
                filter(RiskLevel.MEDIUM, null, "model-a", from, to, null, null),
                filter(null, "E-3", "model-b", null, null, 0.1, 0.9),
                filter(RiskLevel.HIGH, "E-1", "model-a", DAY_ONE, to, 0.6, 1.0));

        for (PredictionFilter filter : filters) {
            List<Prediction> expected = stored.stream().filter(ContractData.selects(filter)).sorted(NEWEST_FIRST)
                    .map(JdbcPredictionsTest::withoutSnapshot).toList();
            assertEquals(expected, allPages(filter, 500), filter::toString);
            assertEquals(expected, allPages(filter, 7), filter::toString);
        }
    }

    @Test
    void keyset_pages_visit_every_prediction_once_in_order_when_many_share_a_creation_time() {
        UUID requestId = Ids.newId();
        Instant sameTime = DAY_ONE.plus(Duration.ofMinutes(90)).plusNanos(123_456_000);
        List<Prediction> stored = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // random (version 4) ids, half of them with the top bit set, so insertion order says nothing
            UUID id = UUID.randomUUID();
            if (i % 2 == 0) {
                id = new UUID(id.getMostSignificantBits() | Long.MIN_VALUE, id.getLeastSignificantBits());
            }
            stored.add(new Prediction(id, requestId, sameTime, sameTime, "E-" + i, new AttritionProbability(0.7),
                    RiskLevel.HIGH, "m", null));
        }
        for (int i = 0; i < 10; i++) {
            stored.add(LedgerRows.prediction(requestId, sameTime.minusNanos(1000), "m", 0.7));
            stored.add(LedgerRows.prediction(requestId, sameTime.plusNanos(1000), "m", 0.7));
        }
        write(() -> {
            requestLog.append(List.of(request(requestId, DAY_ONE)));
            predictions.addAll(stored);
        });
        List<Prediction> expected = stored.stream().sorted(NEWEST_FIRST).toList();

        for (int limit : List.of(1, 3, 7, 60, 79, 80, 81)) {
            List<Prediction> seen = new ArrayList<>();
            Keyset after = null;
            int pages = 0;
            while (true) {
                Keyset position = after;
                Page<Prediction> page = unitOfWork.read(() -> predictions.list(PredictionFilter.ALL, position, limit));
                pages++;
                assertTrue(page.items().size() <= limit);
                seen.addAll(page.items());
                if (!page.hasMore()) {
                    break;
                }
                assertEquals(limit, page.items().size(), "a page followed by more is full");
                Prediction last = page.items().getLast();
                after = new Keyset(last.createdAt(), last.id());
            }
            assertEquals(expected, seen, "limit " + limit);
            assertEquals(Math.max(1, (expected.size() + limit - 1) / limit), pages, "limit " + limit);
        }
    }

    @Test
    void tallies_equal_a_count_of_the_predictions_in_any_range_and_model() throws SQLException {
        List<Prediction> stored = storeVariedPredictions();
        Random random = new Random(20260201L);
        List<String> models = new ArrayList<>(List.of("model-a", "model-b", "model-c", "no-such-model"));
        models.add(null);
        try (Connection connection = database.connect()) {
            for (int i = 0; i < 400; i++) {
                Instant from = randomBound(random, stored);
                Instant to = randomBound(random, stored);
                if (from != null && to != null && from.isAfter(to)) {
                    Instant swap = from;
                    from = to;
                    to = swap;
                }
                String model = models.get(random.nextInt(models.size()));
                Instant lower = from;
                Instant upper = to;
                LedgerRows.assertSameTallies(LedgerRows.bruteForceTally(connection, lower, upper, model),
                        unitOfWork.read(() -> predictions.tally(lower, upper, model)),
                        "[" + lower + ", " + upper + ") of " + model);
            }
        }
    }

    @Test
    void a_tally_over_an_empty_or_reversed_range_is_empty() {
        storeVariedPredictions();
        Instant instant = DAY_ONE.plus(Duration.ofHours(30));

        assertEquals(List.of(), unitOfWork.read(() -> predictions.tally(instant, instant, null)));
        assertEquals(List.of(), unitOfWork.read(() -> predictions.tally(instant, instant.minusSeconds(1), null)));
    }

    /**
     * About 700 predictions over five days, in several units of work (so roll-up rows are added to more than
     * once): three models, four employees, every level, some exactly on the hour and on midnight.
     */
    private List<Prediction> storeVariedPredictions() {
        Random random = new Random(42);
        List<Prediction> all = new ArrayList<>();
        for (int batch = 0; batch < 14; batch++) {
            UUID requestId = Ids.newId();
            List<Prediction> predictionsOfBatch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Instant createdAt = switch (random.nextInt(6)) {
                    case 0 -> DAY_ONE.plus(Duration.ofDays(random.nextInt(5)));
                    case 1 -> DAY_ONE.plus(Duration.ofHours(random.nextInt(5 * 24)));
                    default -> DAY_ONE.plus(random.nextLong(Duration.ofDays(5).toNanos() / 1000), ChronoUnit.MICROS);
                };
                AttritionProbability probability = new AttritionProbability(
                        random.nextInt(10) == 0 ? random.nextInt(3) * 0.5 : random.nextDouble());
                RiskLevel level = RiskLevel.values()[random.nextInt(3)];
                String employee = random.nextInt(5) == 0 ? null : "E-" + random.nextInt(4);
                String model = List.of("model-a", "model-b", "model-c").get(random.nextInt(3));
                predictionsOfBatch.add(new Prediction(Ids.newId(), requestId, createdAt, createdAt, employee,
                        probability, level, model, new JsonDocument("{\"i\":" + i + "}")));
            }
            write(() -> {
                requestLog.append(List.of(request(requestId, DAY_ONE)));
                predictions.addAll(predictionsOfBatch);
            });
            all.addAll(predictionsOfBatch);
        }
        return all;
    }

    private static Instant randomBound(Random random, List<Prediction> stored) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> stored.get(random.nextInt(stored.size())).createdAt();
            case 2 -> DAY_ONE.plus(Duration.ofDays(random.nextInt(7) - 1));
            case 3 -> DAY_ONE.plus(Duration.ofHours(random.nextInt(7 * 24) - 24));
            default -> DAY_ONE.minus(Duration.ofDays(1))
                    .plus(random.nextLong(Duration.ofDays(7).toNanos() / 1000), ChronoUnit.MICROS);
        };
    }

    private List<Prediction> allPages(PredictionFilter filter, int limit) {
        List<Prediction> seen = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        Keyset after = null;
        while (true) {
            Keyset position = after;
            Page<Prediction> page = unitOfWork.read(() -> predictions.list(filter, position, limit));
            for (Prediction item : page.items()) {
                assertNull(item.featuresSnapshot(), "listed items come without their snapshot");
                assertTrue(ids.add(item.id()), () -> "seen twice: " + item);
            }
            seen.addAll(page.items());
            if (!page.hasMore()) {
                assertFalse(page.items().size() > limit);
                return seen;
            }
            Prediction last = page.items().getLast();
            after = new Keyset(last.createdAt(), last.id());
        }
    }


    private static PredictionFilter filter(RiskLevel level, String employee, String model, Instant from, Instant to,
                                           Double minProb, Double maxProb) {
        return new PredictionFilter(level, employee, model, from, to, minProb, maxProb);
    }

    private static Prediction withoutSnapshot(Prediction p) {
        return new Prediction(p.id(), p.requestId(), p.createdAt(), p.predictionDate(), p.employeeId(),
                p.probability(), p.riskLevel(), p.modelVersion(), null);
    }

    private void write(Runnable work) {
        unitOfWork.write(() -> {
            work.run();
            return null;
        });
    }
}
