package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a query selects and how it orders, as the domain defines it for every store. */
class RunQuerySemanticsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");
    private static final UUID EXPERIMENT = UUID.randomUUID();

    private static FoundRun found(RunStatus status, Double loss, String lr) {
        Instant ended = status == RunStatus.RUNNING ? null : T0.plusSeconds(1);
        Run run = new Run(UUID.fromString("0192f4a1-7c2b-7d3e-8f40-0123456789ab"), EXPERIMENT, "bert-base", "ana",
                status, Lifecycle.ACTIVE, T0, ended, null);
        return new FoundRun(run,
                loss == null ? new TreeMap<>() : new TreeMap<>(Map.of("loss", new MetricPoint("loss", 2, loss, T0))),
                lr == null ? new TreeMap<>() : new TreeMap<>(Map.of("lr", lr)), new TreeMap<>());
    }

    private static boolean selects(String filter, FoundRun run) {
        return RunFilter.parse(filter).matches(run);
    }

    @Test
    void a_run_has_a_value_of_each_field_it_holds_and_none_of_the_others() {
        FoundRun run = found(RunStatus.COMPLETED, 0.5, "0.1");

        assertEquals(new SortValue.Number(0.5), run.value(new RunField.Metric("loss")));
        assertEquals(SortValue.MISSING, run.value(new RunField.Metric("acc")));
        assertEquals(new SortValue.Text("0.1"), run.value(new RunField.Param("lr")));
        assertEquals(SortValue.MISSING, run.value(new RunField.Tag("lr")));
        assertEquals(new SortValue.Text("0192f4a17c2b7d3e8f400123456789ab"),
                run.value(new RunField.Attribute(RunAttribute.RUN_ID)));
        assertEquals(new SortValue.Text("FINISHED"), run.value(new RunField.Attribute(RunAttribute.STATUS)));
        assertEquals(new SortValue.Text("ana"), run.value(new RunField.Attribute(RunAttribute.USER_ID)));
        assertEquals(new SortValue.Time(T0), run.value(new RunField.Attribute(RunAttribute.START_TIME)));
        assertEquals(SortValue.MISSING, found(RunStatus.RUNNING, null, null)
                .value(new RunField.Attribute(RunAttribute.END_TIME)));
    }

    @Test
    void statuses_read_as_mlflow_spells_them() {
        assertEquals("RUNNING", RunAttribute.statusText(RunStatus.RUNNING));
        assertEquals("FINISHED", RunAttribute.statusText(RunStatus.COMPLETED));
        assertEquals("FAILED", RunAttribute.statusText(RunStatus.FAILED));
        assertEquals("KILLED", RunAttribute.statusText(RunStatus.KILLED));
    }

    @Test
    void conditions_test_the_runs_value_and_a_missing_value_meets_none() {
        FoundRun run = found(RunStatus.COMPLETED, 0.5, "0.1");
        FoundRun bare = found(RunStatus.RUNNING, null, null);

        assertTrue(selects("metrics.loss = 0.5 AND metrics.loss <= 0.5 AND metrics.loss >= 0.5", run));
        assertFalse(selects("metrics.loss != 0.5", run));
        assertFalse(selects("metrics.loss != 0.5", bare));
        assertTrue(selects("params.lr LIKE '0._' AND params.lr ILIKE '0%' AND params.lr != '1'", run));
        assertFalse(selects("params.lr != '1'", bare));
        assertTrue(selects("run_id IN ('0192f4a17c2b7d3e8f400123456789ab') AND run_id NOT IN ('x')", run));
        assertTrue(selects("metrics.loss = -0.0", found(RunStatus.RUNNING, 0.0, null)));
    }

    @Test
    void times_meet_a_condition_by_their_whole_milliseconds() {
        FoundRun run = found(RunStatus.COMPLETED, null, null);
        long millis = T0.toEpochMilli();

        assertTrue(selects("start_time = " + millis, run));
        assertFalse(selects("start_time > " + millis, run));
        assertTrue(selects("start_time < " + (millis + 1), run));
        assertTrue(selects("end_time = " + (millis + 1000), run));
        assertFalse(selects("end_time > 0", found(RunStatus.RUNNING, null, null)));
    }

    @Test
    void missing_values_sort_last_in_either_direction_then_newest_first_then_by_unsigned_id() {
        RunQuery ascending = RunQuery.of(null, List.of("metrics.loss"), null, null, null);
        RunQuery descending = RunQuery.of(null, List.of("metrics.loss DESC"), null, null, null);
        UUID id = UUID.randomUUID();
        RunPosition low = new RunPosition(List.of(new SortValue.Number(0.1)), T0, id);
        RunPosition high = new RunPosition(List.of(new SortValue.Number(0.9)), T0, id);
        RunPosition none = new RunPosition(List.of(SortValue.MISSING), T0, id);

        assertTrue(ascending.order().compare(low, high) < 0);
        assertTrue(ascending.order().compare(high, none) < 0);
        assertTrue(descending.order().compare(high, low) < 0);
        assertTrue(descending.order().compare(low, none) < 0);
        assertEquals(0, ascending.order().compare(none, none));

        RunQuery unordered = RunQuery.of(null, null, null, null, null);
        RunPosition older = new RunPosition(List.of(), T0, id);
        RunPosition newer = new RunPosition(List.of(), T0.plusNanos(1000), id);
        assertTrue(unordered.order().compare(newer, older) < 0);
        RunPosition signedNegative = new RunPosition(List.of(), T0, new UUID(-1L, 0));
        RunPosition small = new RunPosition(List.of(), T0, new UUID(1L, 0));
        assertTrue(unordered.order().compare(small, signedNegative) < 0);
    }

    @Test
    void text_sorts_by_code_point_and_numbers_as_postgresql_compares_them() {
        assertTrue(SortValue.compare(new SortValue.Text("\uE000"), new SortValue.Text("\uD83D\uDE00")) < 0);
        assertTrue(SortValue.compare(new SortValue.Text("Z"), new SortValue.Text("a")) < 0);
        assertTrue(SortValue.compare(new SortValue.Text("ab"), new SortValue.Text("abc")) < 0);
        assertEquals(0, SortValue.compare(new SortValue.Number(-0.0), new SortValue.Number(0.0)));
    }

    @Test
    void a_query_selects_by_lifecycle_too() {
        FoundRun active = found(RunStatus.RUNNING, null, null);

        assertTrue(RunQuery.of(null, null, Lifecycle.ACTIVE, null, null).selects(active));
        assertFalse(RunQuery.of(null, null, Lifecycle.DELETED, null, null).selects(active));
        assertTrue(RunQuery.of(null, null, null, null, null).selects(active));
    }
}
