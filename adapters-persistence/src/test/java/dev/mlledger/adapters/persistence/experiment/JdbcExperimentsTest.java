package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.id.Ids;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class JdbcExperimentsTest extends FreshDatabaseTest {

    /** PostgreSQL orders uuids byte by byte, that is as two unsigned longs. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<Experiment> NEWEST_FIRST = Comparator
            .comparing(Experiment::createdAt).thenComparing(Experiment::id, UUID_ORDER).reversed();
    private static final Instant DAY_ONE = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    Experiments experiments;

    @Inject
    Runs runs;

    @Inject
    Metrics metrics;

    @Inject
    UnitOfWork unitOfWork;

    @BeforeEach
    void startWithoutExperiments() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE experiments CASCADE");
        }
    }

    @Test
    void an_added_experiment_is_found_with_every_field_as_it_was_given() {
        Experiment full = new Experiment(Ids.newId(), "baseline \"v2\", {x} \\ ünï 😀", "alice",
                "first try\nwith a second line", ExperimentStatus.RUNNING,
                Instant.parse("2026-03-01T10:15:30.123456789Z"), 0);
        Experiment bare = new Experiment(Ids.newId(), "b", "o", null, ExperimentStatus.CREATED,
                Instant.parse("1969-12-31T23:59:59.999999Z"), 0);

        List<Experiment> added = unitOfWork.write(() -> List.of(experiments.add(full), experiments.add(bare)));

        Experiment foundFull = unitOfWork.read(() -> experiments.find(full.id())).orElseThrow();
        // every field as given, the time cut (not rounded) to the microseconds PostgreSQL keeps, and the next number
        assertEquals(new Experiment(full.id(), added.getFirst().number(), full.name(), full.owner(), full.description(),
                full.status(), Lifecycle.ACTIVE, Instant.parse("2026-03-01T10:15:30.123456Z"), full.version()), foundFull);
        assertEquals(added.getFirst(), foundFull);
        assertEquals(added.getFirst().number() + 1, added.getLast().number());
        assertEquals(added.getLast(), unitOfWork.read(() -> experiments.find(bare.id())).orElseThrow());
        assertEquals(Optional.empty(), unitOfWork.read(() -> experiments.find(Ids.newId())));
    }

    @Test
    void an_update_at_the_stored_version_changes_description_and_status_and_bumps_the_version() {
        Experiment created = unitOfWork.write(() -> experiments.add(experiment("tuning", "alice", ExperimentStatus.CREATED, DAY_ONE)));

        Experiment first = unitOfWork.write(() -> experiments.update(
                created.withStatus(ExperimentStatus.RUNNING).withDescription("grid search")));
        Experiment second = unitOfWork.write(() -> experiments.update(
                first.withStatus(ExperimentStatus.COMPLETED).withDescription(null)));

        assertEquals(1, first.version());
        assertEquals(2, second.version());
        Experiment stored = unitOfWork.read(() -> experiments.find(created.id())).orElseThrow();
        assertEquals(second, stored);
        assertEquals(ExperimentStatus.COMPLETED, stored.status());
        assertEquals(null, stored.description());
        assertEquals(created.name(), stored.name());
        assertEquals(created.createdAt(), stored.createdAt());
    }

    @Test
    void an_update_from_a_stale_version_is_a_concurrent_update_and_changes_nothing() {
        Experiment created = unitOfWork.write(() -> experiments.add(experiment("contested", "alice", ExperimentStatus.RUNNING, DAY_ONE)));
        Experiment readByOne = unitOfWork.read(() -> experiments.find(created.id())).orElseThrow();
        Experiment readByOther = unitOfWork.read(() -> experiments.find(created.id())).orElseThrow();

        Experiment winner = unitOfWork.write(() -> experiments.update(
                readByOne.withStatus(ExperimentStatus.COMPLETED).withDescription("done")));

        assertThrows(ConcurrentUpdate.class, () -> unitOfWork.write(() -> experiments.update(
                readByOther.withStatus(ExperimentStatus.FAILED).withDescription("broken"))));
        assertEquals(winner, unitOfWork.read(() -> experiments.find(created.id())).orElseThrow());
        assertEquals(1, winner.version());
    }

    @Test
    void an_update_of_an_experiment_deleted_in_the_meantime_is_a_concurrent_update_and_recreates_nothing() {
        Experiment created = unitOfWork.write(() -> experiments.add(experiment("vanishing", "alice", ExperimentStatus.CREATED, DAY_ONE)));
        write(() -> experiments.delete(created.id()));

        assertThrows(ConcurrentUpdate.class, () -> unitOfWork.write(() -> experiments.update(
                created.withDescription("too late"))));
        assertEquals(Optional.empty(), unitOfWork.read(() -> experiments.find(created.id())));
    }

    @Test
    void deleting_an_experiment_takes_its_runs_and_their_metrics_with_it_and_a_second_delete_finds_nothing()
            throws SQLException {
        Experiment doomed = experiment("doomed", "alice", ExperimentStatus.RUNNING, DAY_ONE);
        Experiment kept = experiment("kept", "alice", ExperimentStatus.RUNNING, DAY_ONE);
        Run doomedA = Run.started(Ids.newId(), doomed.id(), "run", "alice", DAY_ONE, 1);
        Run doomedB = Run.started(Ids.newId(), doomed.id(), "run", "alice", DAY_ONE, 2);
        Run keptRun = Run.started(Ids.newId(), kept.id(), "run", "alice", DAY_ONE, 3);
        write(() -> {
            experiments.add(doomed);
            experiments.add(kept);
            runs.addAll(List.of(doomedA, doomedB, keptRun));
            for (Run run : List.of(doomedA, doomedB, keptRun)) {
                metrics.addAll(run.id(), List.of(new MetricPoint("loss", 0, 0.9, DAY_ONE),
                        new MetricPoint("loss", 1, 0.5, DAY_ONE)));
            }
        });

        assertTrue(unitOfWork.write(() -> experiments.delete(doomed.id())));

        assertEquals(Optional.empty(), unitOfWork.read(() -> experiments.find(doomed.id())));
        assertEquals(Optional.empty(), unitOfWork.read(() -> runs.find(doomedA.id())));
        assertEquals(Optional.empty(), unitOfWork.read(() -> runs.find(doomedB.id())));
        assertEquals(0, metricRowsOf(doomedA.id()) + metricRowsOf(doomedB.id()));
        assertEquals(kept.name(), unitOfWork.read(() -> experiments.find(kept.id())).orElseThrow().name());
        assertEquals(List.of(keptRun), unitOfWork.read(() -> runs.ofExperiment(kept.id())));
        assertEquals(2, metricRowsOf(keptRun.id()));
        assertFalse(unitOfWork.write(() -> experiments.delete(doomed.id())));
        assertFalse(unitOfWork.write(() -> experiments.delete(Ids.newId())));
    }

    @Test
    void the_list_is_newest_first_and_every_combination_of_owner_and_status_filters_pages_through_exactly_its_experiments() {
        List<Experiment> stored = storeVariedExperiments();
        List<String> owners = Arrays.asList(null, "alice", "bob", "nobody");
        List<ExperimentStatus> statuses = new ArrayList<>(Arrays.asList(ExperimentStatus.values()));
        statuses.add(null);

        for (String owner : owners) {
            for (ExperimentStatus status : statuses) {
                ExperimentFilter filter = new ExperimentFilter(owner, status, null);
                Predicate<Experiment> selected = e -> (owner == null || owner.equals(e.owner()))
                        && (status == null || status == e.status());
                List<Experiment> expected = stored.stream().filter(selected).sorted(NEWEST_FIRST).toList();
                for (int limit : new int[]{1, 2, 3, 7, 100}) {
                    assertEquals(expected, allPages(filter, limit).stream().map(ExperimentSummary::experiment).toList(),
                            "owner " + owner + ", status " + status + ", limit " + limit);
                }
            }
        }
    }

    @Test
    void keyset_pages_over_experiments_created_at_the_same_instant_visit_each_exactly_once() {
        List<Experiment> tied = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            tied.add(experiment("tie-" + i, "alice", ExperimentStatus.CREATED, DAY_ONE));
        }
        Experiment older = experiment("older", "alice", ExperimentStatus.CREATED, DAY_ONE.minusNanos(1000));
        Experiment newer = experiment("newer", "alice", ExperimentStatus.CREATED, DAY_ONE.plusNanos(1000));
        List<Experiment> all = new ArrayList<>(tied);
        all.add(older);
        all.add(newer);
        Collections.shuffle(all, new Random(11));
        List<Experiment> added = unitOfWork.write(() -> all.stream().map(experiments::add).toList());

        List<Experiment> visited = allPages(new ExperimentFilter(null, null, null), 2).stream()
                .map(ExperimentSummary::experiment).toList();

        assertEquals(added.stream().sorted(NEWEST_FIRST).toList(), visited);
        assertEquals(11, new HashSet<>(visited).size());
        assertEquals(newer.id(), visited.getFirst().id());
        assertEquals(older.id(), visited.getLast().id());
    }

    @Test
    void a_page_says_whether_more_follow() {
        for (int i = 0; i < 3; i++) {
            Experiment e = experiment("e" + i, "alice", ExperimentStatus.CREATED, DAY_ONE.plusSeconds(i));
            write(() -> experiments.add(e));
        }
        ExperimentFilter all = new ExperimentFilter(null, null, null);

        assertTrue(unitOfWork.read(() -> experiments.list(all, null, 2)).hasMore());
        assertFalse(unitOfWork.read(() -> experiments.list(all, null, 3)).hasMore());
        assertEquals(3, unitOfWork.read(() -> experiments.list(all, null, 3)).items().size());
    }

    @Test
    void each_listed_experiment_carries_its_own_number_of_runs_zero_included() {
        Experiment none = experiment("none", "alice", ExperimentStatus.CREATED, DAY_ONE);
        Experiment one = experiment("one", "alice", ExperimentStatus.RUNNING, DAY_ONE.plusSeconds(1));
        Experiment five = experiment("five", "alice", ExperimentStatus.RUNNING, DAY_ONE.plusSeconds(2));
        write(() -> {
            experiments.add(none);
            experiments.add(one);
            experiments.add(five);
            List<Run> started = new ArrayList<>();
            started.add(Run.started(Ids.newId(), one.id(), "run", "alice", DAY_ONE, null));
            for (int i = 0; i < 5; i++) {
                Run run = Run.started(Ids.newId(), five.id(), "run", "alice", DAY_ONE, i);
                // ended runs count as much as running ones
                started.add(i % 2 == 0 ? run : run.end(RunStatus.COMPLETED, DAY_ONE.plusSeconds(5)));
            }
            runs.addAll(started);
        });

        Map<String, Long> counts = new HashMap<>();
        for (ExperimentSummary summary : allPages(new ExperimentFilter(null, null, null), 2)) {
            counts.put(summary.experiment().name(), summary.runCount());
        }

        assertEquals(Map.of("none", 0L, "one", 1L, "five", 5L), counts);
    }

    private List<Experiment> storeVariedExperiments() {
        Random random = new Random(42);
        List<String> owners = List.of("alice", "bob", "carol");
        List<Experiment> stored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // a few distinct instants only, so that many experiments tie on created_at
            Instant createdAt = DAY_ONE.plusSeconds(random.nextInt(6) * 3600L);
            stored.add(experiment("e" + i, owners.get(random.nextInt(owners.size())),
                    ExperimentStatus.values()[random.nextInt(ExperimentStatus.values().length)], createdAt));
        }
        List<Experiment> shuffled = new ArrayList<>(stored);
        Collections.shuffle(shuffled, random);
        return unitOfWork.write(() -> shuffled.stream().map(experiments::add).toList());
    }

    private List<ExperimentSummary> allPages(ExperimentFilter filter, int limit) {
        List<ExperimentSummary> visited = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Keyset after = null;
        for (int pages = 0; pages < 1000; pages++) {
            Keyset position = after;
            Page<ExperimentSummary> page = unitOfWork.read(() -> experiments.list(filter, position, limit));
            assertTrue(page.items().size() <= limit, "page larger than its limit");
            for (ExperimentSummary summary : page.items()) {
                assertTrue(seen.add(summary.experiment().id()), "visited twice: " + summary.experiment().name());
                visited.add(summary);
            }
            if (!page.hasMore()) {
                return visited;
            }
            Experiment last = page.items().getLast().experiment();
            after = new Keyset(last.createdAt(), last.id());
        }
        throw new AssertionError("paging did not end");
    }

    private static Experiment experiment(String name, String owner, ExperimentStatus status, Instant createdAt) {
        return new Experiment(Ids.newId(), name, owner, null, status, createdAt, 0);
    }

    private long metricRowsOf(UUID runId) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM metrics WHERE run_id = ?")) {
            select.setObject(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void write(Runnable work) {
        unitOfWork.write(() -> {
            work.run();
            return null;
        });
    }
}
