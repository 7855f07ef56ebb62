package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.testing.FreshDatabaseTest;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Experiments;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Metrics;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Runs;
import dev.mlledger.domain.id.Ids;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false, startApplication = false)
class JdbcMetricsTest extends FreshDatabaseTest {

    private static final Comparator<MetricPoint> NAME_THEN_STEP = Comparator
            .comparing(MetricPoint::name).thenComparingLong(MetricPoint::step);
    private static final Instant DAY_ONE = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    Experiments experiments;

    @Inject
    Runs runs;

    @Inject
    Metrics metrics;

    @Inject
    UnitOfWork unitOfWork;

    private UUID run;

    @BeforeEach
    void aRunToLogTo() {
        run = newRun();
    }

    @Test
    void logged_points_come_back_ordered_by_name_then_step_with_every_field_as_given() {
        List<MetricPoint> logged = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
            logged.add(new MetricPoint("loss", step, 1.0 / (step + 1), DAY_ONE.plusSeconds(step)));
            logged.add(new MetricPoint("accuracy", step * 10, 0.5 + step / 10.0, DAY_ONE.plusSeconds(step)));
        }
        logged.add(new MetricPoint("f1", Integer.MAX_VALUE, -0.0, Instant.parse("2026-03-01T10:15:30.123456789Z")));
        logged.add(new MetricPoint("f1", 0, Double.MAX_VALUE, DAY_ONE));
        logged.add(new MetricPoint("f1", 1, -1e-300, DAY_ONE));
        logged.add(new MetricPoint("f1", 2, 0.1 + 0.2, DAY_ONE));
        List<MetricPoint> shuffled = new ArrayList<>(logged);
        Collections.shuffle(shuffled, new Random(5));
        UUID otherRun = newRun();

        write(() -> {
            metrics.addAll(run, shuffled);
            metrics.addAll(otherRun, List.of(new MetricPoint("loss", 0, 42.0, DAY_ONE)));
        });

        Page<MetricPoint> history = unitOfWork.read(() -> metrics.history(run, null, null, 1000));
        assertEquals(logged.stream().sorted(NAME_THEN_STEP).map(p -> new MetricPoint(p.name(), p.step(), p.value(),
                p.timestamp().truncatedTo(ChronoUnit.MICROS))).toList(), history.items());
        assertFalse(history.hasMore());
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), history.items().stream()
                .filter(p -> p.step() == Integer.MAX_VALUE).findFirst().orElseThrow().timestamp());
    }

    @Test
    void a_metric_name_with_quotes_braces_backslashes_or_the_word_null_is_stored_as_written() {
        List<String> names = List.of("NULL", "val/loss \"top-1\", {x}", "a\\b", "ünï 😀", "loss, NULL");
        List<MetricPoint> logged = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            logged.add(new MetricPoint(names.get(i), i, i, DAY_ONE));
        }

        write(() -> metrics.addAll(run, logged));

        Set<MetricPoint> stored = new HashSet<>(unitOfWork.read(() -> metrics.history(run, null, null, 100)).items());
        assertEquals(new HashSet<>(logged), stored);
        for (String name : names) {
            assertEquals(1, unitOfWork.read(() -> metrics.history(run, name, null, 100)).items().size(), name);
        }
    }

    @Test
    void logging_a_name_and_step_again_replaces_its_value_and_timestamp() throws SQLException {
        write(() -> metrics.addAll(run, List.of(new MetricPoint("loss", 3, 0.5, DAY_ONE),
                new MetricPoint("loss", 4, 0.4, DAY_ONE))));

        write(() -> metrics.addAll(run, List.of(new MetricPoint("loss", 3, 0.25, DAY_ONE.plusSeconds(30)))));

        assertEquals(List.of(new MetricPoint("loss", 3, 0.25, DAY_ONE.plusSeconds(30)),
                        new MetricPoint("loss", 4, 0.4, DAY_ONE)),
                unitOfWork.read(() -> metrics.history(run, null, null, 100)).items());
        assertEquals(2, metricRowsOf(run));
    }

    @Test
    void the_same_name_and_step_in_another_run_is_another_point() {
        UUID otherRun = newRun();

        write(() -> {
            metrics.addAll(run, List.of(new MetricPoint("loss", 1, 0.5, DAY_ONE)));
            metrics.addAll(otherRun, List.of(new MetricPoint("loss", 1, 0.7, DAY_ONE)));
        });

        assertEquals(List.of(new MetricPoint("loss", 1, 0.5, DAY_ONE)),
                unitOfWork.read(() -> metrics.history(run, null, null, 100)).items());
        assertEquals(List.of(new MetricPoint("loss", 1, 0.7, DAY_ONE)),
                unitOfWork.read(() -> metrics.history(otherRun, null, null, 100)).items());
    }

    @Test
    void the_history_of_one_name_holds_only_that_names_points_in_step_order() {
        List<MetricPoint> logged = variedPoints();
        write(() -> metrics.addAll(run, logged));

        for (String name : List.of("accuracy", "loss", "lr")) {
            assertEquals(logged.stream().filter(p -> p.name().equals(name)).sorted(NAME_THEN_STEP).toList(),
                    unitOfWork.read(() -> metrics.history(run, name, null, 1000)).items(), name);
        }
        assertEquals(List.of(), unitOfWork.read(() -> metrics.history(run, "los", null, 1000)).items());
    }

    @Test
    void keyset_pages_visit_every_point_once_in_order_with_and_without_a_name() {
        List<MetricPoint> logged = variedPoints();
        write(() -> metrics.addAll(run, logged));

        for (String name : new String[]{null, "loss", "accuracy"}) {
            List<MetricPoint> expected = logged.stream().filter(p -> name == null || p.name().equals(name))
                    .sorted(NAME_THEN_STEP).toList();
            for (int limit : new int[]{1, 3, 7, 1000}) {
                assertEquals(expected, allPages(name, limit), "name " + name + ", limit " + limit);
            }
        }
    }

    @Test
    void the_latest_value_of_each_name_is_the_one_at_its_highest_step_whatever_the_order_of_logging() {
        UUID otherRun = newRun();
        write(() -> {
            // the highest step is logged first, with the earliest timestamp
            metrics.addAll(run, List.of(new MetricPoint("loss", 100, 0.01, DAY_ONE)));
            List<MetricPoint> lower = new ArrayList<>();
            for (int step = 0; step < 100; step++) {
                lower.add(new MetricPoint("loss", step, 1.0 - step / 100.0, DAY_ONE.plusSeconds(step + 1)));
            }
            metrics.addAll(run, lower);
            metrics.addAll(run, List.of(new MetricPoint("accuracy", 2, 0.8, DAY_ONE),
                    new MetricPoint("accuracy", 10, 0.9, DAY_ONE), new MetricPoint("lr", 0, 0.001, DAY_ONE)));
            metrics.addAll(otherRun, List.of(new MetricPoint("loss", 1000, 99.0, DAY_ONE),
                    new MetricPoint("precision", 0, 0.5, DAY_ONE)));
        });

        assertEquals(Map.of("loss", 0.01, "accuracy", 0.9, "lr", 0.001), unitOfWork.read(() -> metrics.latest(run)));
    }

    @Test
    void replacing_the_value_at_the_highest_step_changes_the_latest_value() {
        write(() -> metrics.addAll(run, List.of(new MetricPoint("loss", 0, 0.9, DAY_ONE),
                new MetricPoint("loss", 5, 0.3, DAY_ONE))));
        write(() -> metrics.addAll(run, List.of(new MetricPoint("loss", 5, 0.2, DAY_ONE))));

        assertEquals(Map.of("loss", 0.2), unitOfWork.read(() -> metrics.latest(run)));
    }

    @Test
    void a_run_without_metrics_has_no_latest_values_and_an_empty_history() {
        UUID busyRun = newRun();
        write(() -> metrics.addAll(busyRun, List.of(new MetricPoint("loss", 0, 0.5, DAY_ONE))));

        assertEquals(Map.of(), unitOfWork.read(() -> metrics.latest(run)));
        Page<MetricPoint> history = unitOfWork.read(() -> metrics.history(run, null, null, 10));
        assertEquals(List.of(), history.items());
        assertFalse(history.hasMore());
    }

    private List<MetricPoint> variedPoints() {
        Random random = new Random(9);
        List<MetricPoint> points = new ArrayList<>();
        for (String name : List.of("loss", "accuracy", "lr")) {
            Set<Integer> steps = new HashSet<>();
            while (steps.size() < 10 + random.nextInt(10)) {
                steps.add(random.nextInt(500));
            }
            steps.forEach(step -> points.add(new MetricPoint(name, step, random.nextDouble(), DAY_ONE)));
        }
        Collections.shuffle(points, random);
        return points;
    }

    private List<MetricPoint> allPages(String name, int limit) {
        List<MetricPoint> visited = new ArrayList<>();
        Set<MetricKey> seen = new HashSet<>();
        MetricKey after = null;
        for (int pages = 0; pages < 1000; pages++) {
            MetricKey position = after;
            Page<MetricPoint> page = unitOfWork.read(() -> metrics.history(run, name, position, limit));
            assertTrue(page.items().size() <= limit, "page larger than its limit");
            for (MetricPoint point : page.items()) {
                assertTrue(seen.add(new MetricKey(point.name(), point.step())), "visited twice: " + point);
                visited.add(point);
            }
            if (!page.hasMore()) {
                return visited;
            }
            MetricPoint last = page.items().getLast();
            after = new MetricKey(last.name(), last.step());
        }
        throw new AssertionError("paging did not end");
    }

    private UUID newRun() {
        Experiment experiment = new Experiment(Ids.newId(), "metrics", "alice", null, ExperimentStatus.RUNNING,
                DAY_ONE, 0);
        Run started = Run.started(Ids.newId(), experiment.id(), "run", "alice", DAY_ONE, null);
        write(() -> {
            experiments.add(experiment);
            runs.addAll(List.of(started));
        });
        return started.id();
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
