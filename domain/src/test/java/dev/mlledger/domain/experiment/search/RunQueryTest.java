package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunQueryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID RUN = UUID.fromString("0192f4a1-7c2b-7d3e-8f40-0123456789ab");

    @Test
    void a_query_reads_its_filter_and_order_and_takes_a_thousand_runs_unless_told() {
        RunQuery query = RunQuery.of("metrics.loss < 0.5", List.of("metrics.loss", "params.lr DESC"), null, null, null);

        assertEquals(RunFilter.parse("metrics.loss < 0.5"), query.filter());
        assertEquals(List.of(new RunOrder(new RunField.Metric("loss"), true),
                new RunOrder(new RunField.Param("lr"), false)), query.orderBy());
        assertEquals(RunQuery.MAX_RESULTS, query.maxResults());
        assertNull(query.after());
    }

    @Test
    void no_filter_and_no_order_is_every_run_newest_first() {
        RunQuery query = RunQuery.of(null, null, null, 10, null);

        assertEquals(RunFilter.ALL, query.filter());
        assertEquals(List.of(), query.orderBy());
        assertEquals(10, query.maxResults());
    }

    @Test
    void the_page_size_is_between_one_and_a_thousand() {
        assertDoesNotThrow(() -> RunQuery.of(null, null, null, 1, null));
        assertDoesNotThrow(() -> RunQuery.of(null, null, null, 1000, null));
        for (int size : new int[] {0, -1, 1001}) {
            InvalidInput invalid = assertThrows(InvalidInput.class, () -> RunQuery.of(null, null, null, size, null));
            assertEquals(List.of(new Violation("maxResults", "must be between 1 and 1000")), invalid.violations());
        }
    }

    @Test
    void every_mistake_is_reported_at_once_under_the_name_of_its_part_with_its_column() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> RunQuery.of(
                "metrics.loss < 'a'", List.of("params.lr", "metrics.loss DOWN", "run_name"), null, null, null));

        assertEquals(List.of(
                new Violation("filter", "at column 16: a metric compares with a number (not quoted), found ''a''"),
                new Violation("orderBy[1]", "at column 14: expected ASC, DESC or the end, found 'DOWN'")),
                invalid.violations());
    }

    @Test
    void a_missing_order_item_is_refused_like_an_empty_one() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> RunQuery.of(null, Arrays.asList("params.lr", null), null, null, null));

        assertEquals("orderBy[1]", invalid.violations().getFirst().field());
    }

    @Test
    void at_most_ten_order_keys() {
        List<String> ten = Collections.nCopies(RunQuery.MAX_ORDER_KEYS, "metrics.loss");
        assertDoesNotThrow(() -> RunQuery.of(null, ten, null, null, null));

        List<String> eleven = Collections.nCopies(RunQuery.MAX_ORDER_KEYS + 1, "metrics.loss");
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> RunQuery.of(null, eleven, null, null, null));
        assertEquals(List.of(new Violation("orderBy", "must have at most 10 items")), invalid.violations());
    }

    @Test
    void a_position_holds_one_value_of_the_right_kind_per_order_key() {
        List<String> order = List.of("metrics.loss DESC", "params.lr", "attributes.end_time");
        RunPosition fitting = new RunPosition(List.of(new SortValue.Number(Double.NaN), new SortValue.Text("0.1"),
                new SortValue.Time(T0)), T0, RUN);
        RunPosition withMissing = new RunPosition(List.of(SortValue.MISSING, SortValue.MISSING, SortValue.MISSING),
                T0, RUN);

        assertDoesNotThrow(() -> RunQuery.of(null, order, null, null, fitting));
        assertDoesNotThrow(() -> RunQuery.of(null, order, null, null, withMissing));
        assertDoesNotThrow(() -> RunQuery.of(null, null, null, null, new RunPosition(List.of(), T0, RUN)));
    }

    @Test
    void a_position_of_another_order_is_refused() {
        List<String> order = List.of("metrics.loss DESC", "params.lr");
        List<RunPosition> misfits = List.of(
                new RunPosition(List.of(new SortValue.Number(1)), T0, RUN),
                new RunPosition(List.of(new SortValue.Text("1"), new SortValue.Text("0.1")), T0, RUN),
                new RunPosition(List.of(new SortValue.Number(1), new SortValue.Number(0.1)), T0, RUN),
                new RunPosition(List.of(new SortValue.Time(T0), new SortValue.Text("0.1")), T0, RUN));

        for (RunPosition misfit : misfits) {
            InvalidInput invalid = assertThrows(InvalidInput.class, () -> RunQuery.of(null, order, null, null, misfit));
            assertEquals(List.of(new Violation("after", "is a position in another order")), invalid.violations());
        }
        assertThrows(InvalidInput.class, () -> RunQuery.of(null, List.of("start_time"), null, null,
                new RunPosition(List.of(new SortValue.Number(1)), T0, RUN)));
    }

    @Test
    void a_position_needs_the_start_time_and_id_of_the_last_run() {
        assertThrows(NullPointerException.class, () -> new RunPosition(List.of(), null, RUN));
        assertThrows(NullPointerException.class, () -> new RunPosition(List.of(), T0, null));
    }
}
