package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.adapters.persistence.testing.LedgerRows;
import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
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
import dev.mlledger.domain.prediction.RiskTally;
import dev.mlledger.domain.requestlog.PurgeResult;
import dev.mlledger.domain.requestlog.RequestLog;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import dev.mlledger.domain.storage.StorageStatus;
import dev.mlledger.domain.transaction.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static dev.mlledger.adapters.persistence.testing.LedgerRows.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first check of what the memory adapters answer; the shared contract suites will hold the full one. */
class MemoryAdaptersTest {

    /** PostgreSQL orders uuids byte by byte, that is as two unsigned longs. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<Prediction> NEWEST_FIRST = Comparator
            .comparing(Prediction::createdAt).thenComparing(Prediction::id, UUID_ORDER).reversed();
    private static final Instant DAY_ONE = Instant.parse("2026-04-01T00:00:00Z");

    private final MemoryStore store = new MemoryStore();
    private final UnitOfWork unitOfWork = new MemoryUnitOfWork(store);
    private final RequestLog requestLog = new MemoryRequestLog(store);
    private final Predictions predictions = new MemoryPredictions(store);
    private final Experiments experiments = new MemoryExperiments(store);
    private final Runs runs = new MemoryRuns(store);
    private final Metrics metrics = new MemoryMetrics(store);

    @Test
    void predictions_sharing_a_creation_time_are_paged_newest_first_in_postgresql_uuid_order() {
        UUID requestId = Ids.newId();
        Instant sameTime = DAY_ONE.plusSeconds(90);
        List<Prediction> stored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // random ids, half with the top bit set: UUID.compareTo would put those first
            UUID id = UUID.randomUUID();
            if (i % 2 == 0) {
                id = new UUID(id.getMostSignificantBits() | Long.MIN_VALUE, id.getLeastSignificantBits());
            }
            Instant at = i < 30 ? sameTime : sameTime.plusSeconds(i % 3 - 1);
            stored.add(new Prediction(id, requestId, at, at, null, new AttritionProbability(0.5), RiskLevel.MEDIUM, "m", null));
        }
        write(() -> {
            requestLog.append(List.of(request(requestId, DAY_ONE)));
            predictions.addAll(stored);
        });

        for (int limit : List.of(1, 7, 40, 41)) {
            assertEquals(stored.stream().sorted(NEWEST_FIRST).toList(), allPages(PredictionFilter.ALL, limit), "limit " + limit);
        }
        assertEquals(stored.stream().sorted(Comparator.comparing(Prediction::id, UUID_ORDER)).toList(),
                unitOfWork.read(() -> predictions.findByRequest(requestId)));
    }

    @Test
    void every_filter_combination_lists_exactly_the_predictions_it_selects_without_their_snapshot() {
        List<Prediction> stored = storeVariedPredictions(new Random(3));
        Instant from = DAY_ONE.plus(Duration.ofHours(20));
        Instant to = DAY_ONE.plus(Duration.ofHours(50));
        List<PredictionFilter> filters = List.of(
                PredictionFilter.ALL,
                new PredictionFilter(RiskLevel.HIGH, null, null, null, null, null, null),
                new PredictionFilter(null, "E-2", null, null, null, null, null),
                new PredictionFilter(null, null, "model-b", from, null, null, null),
                new PredictionFilter(null, null, null, null, to, 0.25, 0.5),
                new PredictionFilter(null, null, null, from, from, null, null),
                new PredictionFilter(RiskLevel.MEDIUM, "E-1", "model-a", from, to, 0.1, 0.9));

        for (PredictionFilter filter : filters) {
            List<Prediction> expected = stored.stream().filter(ContractData.selects(filter)).sorted(NEWEST_FIRST)
                    .map(MemoryAdaptersTest::withoutSnapshot).toList();
            assertEquals(expected, allPages(filter, 9), filter::toString);
        }
    }

    @Test
    void tallies_equal_a_count_of_the_predictions_in_any_range_and_model() {
        Random random = new Random(17);
        List<Prediction> stored = storeVariedPredictions(random);
        List<String> models = new ArrayList<>(List.of("model-a", "model-b", "no-such-model"));
        models.add(null);

        for (int i = 0; i < 300; i++) {
            Instant from = random.nextInt(5) == 0 ? null : DAY_ONE.plus(random.nextLong(Duration.ofDays(6).toSeconds()), ChronoUnit.SECONDS);
            Instant to = random.nextInt(5) == 0 ? null : DAY_ONE.plus(random.nextLong(Duration.ofDays(6).toSeconds()), ChronoUnit.SECONDS);
            if (i % 10 == 0 && from != null) {
                to = stored.get(random.nextInt(stored.size())).createdAt();
                from = to;
            }
            String model = models.get(random.nextInt(models.size()));
            Instant lower = from;
            Instant upper = to;

            assertSameTallies(bruteForceTally(stored, lower, upper, model),
                    unitOfWork.read(() -> predictions.tally(lower, upper, model)), "[" + lower + ", " + upper + ") of " + model);
        }
    }

    @Test
    void a_purge_takes_the_oldest_requests_before_the_cut_off_a_chunk_at_a_time_with_their_predictions() {
        List<RequestLogEntry> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RequestLogEntry entry = request(Ids.newId(), DAY_ONE.plus(Duration.ofHours(5 - i)));
            requests.add(entry);
            List<Prediction> made = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                made.add(LedgerRows.prediction(entry.id(), entry.createdAt(), "m", 0.5));
            }
            write(() -> {
                requestLog.append(List.of(entry));
                predictions.addAll(made);
            });
        }
        // created at hours 5, 4, 3, 2, 1, 0 with 0 to 5 predictions; the cut-off keeps hours 3 to 5
        Instant cutoff = DAY_ONE.plus(Duration.ofHours(3));

        assertEquals(new PurgeResult(2, 5 + 4), unitOfWork.write(() -> requestLog.purgeOlderThan(cutoff, 2)));
        assertEquals(new PurgeResult(1, 3), unitOfWork.write(() -> requestLog.purgeOlderThan(cutoff, 2)));
        assertEquals(PurgeResult.NOTHING, unitOfWork.write(() -> requestLog.purgeOlderThan(cutoff, 2)));

        for (int i = 0; i < requests.size(); i++) {
            UUID id = requests.get(i).id();
            assertEquals(i < 3, unitOfWork.read(() -> requestLog.find(id)).isPresent(), "request " + i);
        }
        assertEquals(List.of(new RiskTally("m", RiskLevel.MEDIUM, 0 + 1 + 2, 1.5)),
                unitOfWork.read(() -> predictions.tally(null, null, null)));
    }

    @Test
    void experiments_are_listed_newest_first_with_their_run_counts_and_a_stale_update_is_refused() {
        Experiment older = unitOfWork.write(() -> experiments.add(
                new Experiment(Ids.newId(), "older", "alice", null, ExperimentStatus.CREATED, DAY_ONE, 0)));
        Experiment newer = unitOfWork.write(() -> experiments.add(
                new Experiment(Ids.newId(), "newer", "bob", null, ExperimentStatus.RUNNING, DAY_ONE.plusSeconds(1), 0)));
        write(() -> {
            runs.addAll(List.of(Run.started(Ids.newId(), newer.id(), "run", "alice", DAY_ONE, 1), Run.started(Ids.newId(), newer.id(), "run", "alice", DAY_ONE, 2)));
        });

        // the Default experiment, made with the store, is the newest: start after it
        Keyset afterDefault = unitOfWork.read(() -> experiments.find(Experiment.DEFAULT_ID))
                .map(defaultOne -> new Keyset(defaultOne.createdAt(), defaultOne.id())).orElseThrow();
        Page<ExperimentSummary> all = unitOfWork.read(() -> experiments.list(new ExperimentFilter(null, null, null), afterDefault, 1));
        Page<ExperimentSummary> rest = unitOfWork.read(() -> experiments.list(new ExperimentFilter(null, null, null),
                new Keyset(newer.createdAt(), newer.id()), 1));
        Page<ExperimentSummary> alices = unitOfWork.read(() -> experiments.list(new ExperimentFilter("alice", null, null), null, 5));

        assertEquals(new Page<>(List.of(new ExperimentSummary(newer, 2)), true), all);
        assertEquals(new Page<>(List.of(new ExperimentSummary(older, 0)), false), rest);
        assertEquals(List.of(new ExperimentSummary(older, 0)), alices.items());
        Experiment updated = unitOfWork.write(() -> experiments.update(older.withStatus(ExperimentStatus.RUNNING)));
        assertEquals(1, updated.version());
        assertThrows(ConcurrentUpdate.class, () -> unitOfWork.write(() -> experiments.update(older.withDescription("stale"))));
        assertEquals(updated, unitOfWork.read(() -> experiments.find(older.id())).orElseThrow());
    }

    @Test
    void deleting_an_experiment_takes_its_runs_and_their_metrics_and_nothing_else() {
        Experiment doomed = new Experiment(Ids.newId(), "doomed", "alice", null, ExperimentStatus.RUNNING, DAY_ONE, 0);
        Experiment kept = new Experiment(Ids.newId(), "kept", "alice", null, ExperimentStatus.RUNNING, DAY_ONE, 0);
        Run doomedRun = Run.started(Ids.newId(), doomed.id(), "run", "alice", DAY_ONE, null);
        Run keptRun = Run.started(Ids.newId(), kept.id(), "run", "alice", DAY_ONE, null);
        write(() -> {
            experiments.add(doomed);
            experiments.add(kept);
            runs.addAll(List.of(doomedRun, keptRun));
            metrics.addAll(doomedRun.id(), List.of(new MetricPoint("loss", 0, 0.5, DAY_ONE)));
            metrics.addAll(keptRun.id(), List.of(new MetricPoint("loss", 0, 0.7, DAY_ONE)));
        });

        assertTrue(unitOfWork.write(() -> experiments.delete(doomed.id())));
        assertFalse(unitOfWork.write(() -> experiments.delete(doomed.id())));

        assertEquals(Optional.empty(), unitOfWork.read(() -> runs.find(doomedRun.id())));
        assertEquals(Map.of(), unitOfWork.read(() -> metrics.latest(doomedRun.id())));
        assertEquals(List.of(keptRun), unitOfWork.read(() -> runs.ofExperiment(kept.id())));
        assertEquals(Map.of("loss", 0.7), unitOfWork.read(() -> metrics.latest(keptRun.id())));
    }

    @Test
    void metric_points_are_replaced_by_name_and_step_paged_by_name_then_step_and_the_latest_is_at_the_highest_step() {
        Experiment experiment = new Experiment(Ids.newId(), "metrics", "alice", null, ExperimentStatus.RUNNING, DAY_ONE, 0);
        Run run = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, null);
        List<String> names = List.of("loss", "accuracy", "\uFF01wide", "\uD83D\uDE00smile", "Loss");
        write(() -> {
            experiments.add(experiment);
            runs.addAll(List.of(run));
            for (String name : names) {
                metrics.addAll(run.id(), List.of(new MetricPoint(name, 10, 1.0, DAY_ONE), new MetricPoint(name, 2, 2.0, DAY_ONE),
                        new MetricPoint(name, 5, 3.0, DAY_ONE)));
            }
            metrics.addAll(run.id(), List.of(new MetricPoint("loss", 10, 0.25, DAY_ONE.plusSeconds(9))));
        });

        List<MetricPoint> history = new ArrayList<>();
        MetricKey after = null;
        while (true) {
            MetricKey position = after;
            Page<MetricPoint> page = unitOfWork.read(() -> metrics.history(run.id(), null, position, 4));
            history.addAll(page.items());
            if (!page.hasMore()) {
                break;
            }
            after = new MetricKey(page.items().getLast().name(), page.items().getLast().step());
        }

        // code point order, as PostgreSQL's C collation: U+FF01 before U+1F600, unlike String.compareTo
        List<String> nameOrder = List.of("Loss", "accuracy", "loss", "\uFF01wide", "\uD83D\uDE00smile");
        List<MetricPoint> expected = new ArrayList<>();
        for (String name : nameOrder) {
            expected.add(new MetricPoint(name, 2, 2.0, DAY_ONE));
            expected.add(new MetricPoint(name, 5, 3.0, DAY_ONE));
            expected.add(name.equals("loss") ? new MetricPoint(name, 10, 0.25, DAY_ONE.plusSeconds(9))
                    : new MetricPoint(name, 10, 1.0, DAY_ONE));
        }
        assertEquals(expected, history);
        assertEquals(expected.subList(6, 9), unitOfWork.read(() -> metrics.history(run.id(), "loss", null, 100)).items());
        assertEquals(expected.subList(6, 9),
                unitOfWork.read(() -> metrics.history(run.id(), "loss", new MetricKey("accuracy", 7), 100)).items());
        assertEquals(expected.subList(8, 9),
                unitOfWork.read(() -> metrics.history(run.id(), "loss", new MetricKey("loss", 5), 100)).items());
        assertEquals(List.of(), unitOfWork.read(() -> metrics.history(run.id(), "accuracy", new MetricKey("loss", 0), 100)).items());
        Map<String, Double> latest = new HashMap<>();
        names.forEach(name -> latest.put(name, name.equals("loss") ? 0.25 : 1.0));
        assertEquals(latest, unitOfWork.read(() -> metrics.latest(run.id())));
        assertEquals(nameOrder, List.copyOf(unitOfWork.read(() -> metrics.latest(run.id())).keySet()));
    }

    @Test
    void references_to_a_missing_request_experiment_or_run_are_refused_like_foreign_keys() {
        Prediction orphanPrediction = LedgerRows.prediction(Ids.newId(), DAY_ONE, "m", 0.5);
        Run orphanRun = Run.started(Ids.newId(), Ids.newId(), "run", "alice", DAY_ONE, null);
        UUID missingRun = Ids.newId();

        assertThrows(IllegalStateException.class, () -> write(() -> predictions.addAll(List.of(orphanPrediction))));
        assertThrows(IllegalStateException.class, () -> write(() -> runs.addAll(List.of(orphanRun))));
        assertThrows(IllegalStateException.class,
                () -> write(() -> metrics.addAll(missingRun, List.of(new MetricPoint("loss", 0, 1.0, DAY_ONE)))));

        assertEquals(Optional.empty(), unitOfWork.read(() -> predictions.find(orphanPrediction.id())));
        assertEquals(Optional.empty(), unitOfWork.read(() -> runs.find(orphanRun.id())));
        assertEquals(Map.of(), unitOfWork.read(() -> metrics.latest(missingRun)));
    }

    @Test
    void an_id_stored_twice_is_refused_and_the_batch_leaves_no_trace() {
        RequestLogEntry stored = request(Ids.newId(), DAY_ONE);
        write(() -> requestLog.append(List.of(stored)));
        RequestLogEntry fresh = request(Ids.newId(), DAY_ONE);

        assertThrows(IllegalStateException.class,
                () -> write(() -> requestLog.append(List.of(fresh, request(stored.id(), DAY_ONE.plusSeconds(5))))));

        assertEquals(Optional.empty(), unitOfWork.read(() -> requestLog.find(fresh.id())));
        assertEquals(Optional.of(stored), unitOfWork.read(() -> requestLog.find(stored.id())));
    }

    @Test
    void the_store_is_up_and_says_it_keeps_data_in_memory() {
        assertEquals(StorageStatus.up("in-memory store"), new MemoryStorageHealth(store).check());
    }

    /** About 400 predictions over five days in several units of work: two models, three employees, every level. */
    private List<Prediction> storeVariedPredictions(Random random) {
        List<Prediction> all = new ArrayList<>();
        for (int batch = 0; batch < 8; batch++) {
            UUID requestId = Ids.newId();
            List<Prediction> made = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Instant createdAt = random.nextInt(4) == 0 ? DAY_ONE.plus(Duration.ofHours(random.nextInt(5 * 24)))
                        : DAY_ONE.plus(random.nextLong(Duration.ofDays(5).toNanos() / 1000), ChronoUnit.MICROS);
                String employee = random.nextInt(4) == 0 ? null : "E-" + random.nextInt(3);
                made.add(new Prediction(Ids.newId(), requestId, createdAt, createdAt, employee,
                        new AttritionProbability(random.nextInt(8) == 0 ? 0.5 : random.nextDouble()),
                        RiskLevel.values()[random.nextInt(3)], random.nextBoolean() ? "model-a" : "model-b",
                        new JsonDocument("{\"i\":" + i + "}")));
            }
            write(() -> {
                requestLog.append(List.of(request(requestId, DAY_ONE)));
                predictions.addAll(made);
            });
            all.addAll(made);
        }
        return all;
    }

    private List<Prediction> allPages(PredictionFilter filter, int limit) {
        List<Prediction> seen = new ArrayList<>();
        Keyset after = null;
        while (true) {
            Keyset position = after;
            Page<Prediction> page = unitOfWork.read(() -> predictions.list(filter, position, limit));
            assertTrue(page.items().size() <= limit);
            seen.addAll(page.items());
            if (!page.hasMore()) {
                return seen;
            }
            assertEquals(limit, page.items().size(), "a page followed by more is full");
            Prediction last = page.items().getLast();
            after = new Keyset(last.createdAt(), last.id());
        }
    }


    /** The tallies of the predictions in [from, to) of the model (any model when null), counted one by one. */
    private static Map<String, RiskTally> bruteForceTally(List<Prediction> stored, Instant from, Instant to, String model) {
        Map<String, RiskTally> tallies = new HashMap<>();
        for (Prediction p : stored) {
            if ((from == null || !p.createdAt().isBefore(from)) && (to == null || p.createdAt().isBefore(to))
                    && (model == null || model.equals(p.modelVersion()))) {
                tallies.merge(p.modelVersion() + "/" + p.riskLevel(),
                        new RiskTally(p.modelVersion(), p.riskLevel(), 1, p.probability().value()),
                        (a, b) -> new RiskTally(a.modelVersion(), a.riskLevel(), a.count() + b.count(),
                                a.probabilitySum() + b.probabilitySum()));
            }
        }
        return tallies;
    }

    /** Same counts per model and level; sums equal up to the rounding of summing in another order. */
    private static void assertSameTallies(Map<String, RiskTally> expected, List<RiskTally> actual, String context) {
        Map<String, RiskTally> byKey = new HashMap<>();
        for (RiskTally tally : actual) {
            assertEquals(null, byKey.put(tally.modelVersion() + "/" + tally.riskLevel(), tally), context + ": twice " + tally);
        }
        assertEquals(expected.keySet(), byKey.keySet(), context);
        expected.forEach((key, want) -> {
            assertEquals(want.count(), byKey.get(key).count(), context + ": count of " + key);
            assertEquals(want.probabilitySum(), byKey.get(key).probabilitySum(), 1e-9, context + ": sum of " + key);
        });
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
