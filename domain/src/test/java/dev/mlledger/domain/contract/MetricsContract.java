package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.paging.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.mlledger.domain.contract.ContractData.T0;
import static dev.mlledger.domain.contract.ContractData.T0_FINE;
import static dev.mlledger.domain.contract.ContractData.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Metric points: one per (run, name, step), history by name then step in keyset pages, latest values. */
public abstract class MetricsContract extends StorageContract {

    @Test
    void history_is_ordered_by_name_then_step_and_pages_visit_every_point_once() {
        UUID run = storedRun().id();
        List<MetricPoint> points = new ArrayList<>();
        for (int step = 9; step >= 0; step--) {
            points.add(new MetricPoint("loss", step, 1.0 / (step + 1), T0.plusSeconds(step)));
            points.add(new MetricPoint("accuracy", step, step / 10.0, T0.plusSeconds(step)));
        }
        writing(() -> store.metrics().addAll(run, points));

        List<MetricPoint> expected = points.stream()
                .sorted(Comparator.comparing(MetricPoint::name).thenComparingLong(MetricPoint::step)).toList();
        assertEquals(expected, pageThrough(run, null, 3));
        assertEquals(expected.stream().filter(p -> p.name().equals("loss")).toList(), pageThrough(run, "loss", 4));
    }

    @Test
    void logging_a_name_and_step_again_replaces_its_value_and_timestamp() {
        UUID run = storedRun().id();
        writing(() -> store.metrics().addAll(run, List.of(new MetricPoint("loss", 3, 0.9, T0))));
        writing(() -> store.metrics().addAll(run, List.of(new MetricPoint("loss", 3, 0.4, T0.plusSeconds(5)))));

        assertEquals(List.of(new MetricPoint("loss", 3, 0.4, T0.plusSeconds(5))), pageThrough(run, null, 10));
    }

    @Test
    void a_point_keeps_its_timestamp_to_the_microsecond_at_least() {
        UUID run = storedRun().id();
        writing(() -> store.metrics().addAll(run, List.of(new MetricPoint("loss", 1, 0.5, T0_FINE))));

        assertEquals(micros(T0_FINE), micros(pageThrough(run, null, 10).getFirst().timestamp()));
    }

    @Test
    void the_latest_value_of_each_name_is_the_one_at_its_highest_step_whatever_order_they_were_logged_in() {
        UUID run = storedRun().id();
        writing(() -> store.metrics().addAll(run, List.of(
                new MetricPoint("loss", 50, 0.1, T0),
                new MetricPoint("loss", 2, 0.8, T0.plusSeconds(10)),
                new MetricPoint("accuracy", 1, 0.6, T0))));

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("accuracy", 0.6);
        expected.put("loss", 0.1);
        assertEquals(expected, read(() -> store.metrics().latest(run)));
        UUID withoutMetrics = storedRun().id();
        assertEquals(Map.of(), read(() -> store.metrics().latest(withoutMetrics)));
    }

    @Test
    void names_of_250_characters_and_steps_beyond_the_int_range_round_trip_in_step_order() {
        UUID run = storedRun().id();
        String longName = "m".repeat(250);
        List<MetricPoint> points = List.of(new MetricPoint(longName, 3_000_000_000L, 0.5, T0),
                new MetricPoint(longName, 5, 0.7, T0), new MetricPoint(longName, Long.MAX_VALUE, 0.1, T0));
        writing(() -> store.metrics().addAll(run, points));

        assertEquals(List.of(points.get(1), points.get(0), points.get(2)), pageThrough(run, longName, 2));
        assertEquals(Map.of(longName, 0.1), read(() -> store.metrics().latest(run)));
    }

    @Test
    void the_history_of_a_run_without_points_is_empty_with_or_without_a_name_or_a_position() {
        UUID run = storedRun().id();

        assertEquals(List.of(), pageThrough(run, null, 10));
        assertEquals(List.of(), pageThrough(run, "loss", 10));
        assertEquals(List.of(), read(() -> store.metrics().history(run, "loss", new MetricKey("loss", 3), 10)).items());
        assertEquals(Map.of(), read(() -> store.metrics().latest(run)));
    }

    @Test
    void metrics_of_a_run_that_does_not_exist_are_refused() {
        assertThrows(RuntimeException.class, () -> writing(() ->
                store.metrics().addAll(UUID.randomUUID(), List.of(new MetricPoint("loss", 1, 0.5, T0)))));
    }

    private List<MetricPoint> pageThrough(UUID run, String name, int limit) {
        List<MetricPoint> visited = new ArrayList<>();
        MetricKey after = null;
        while (true) {
            MetricKey position = after;
            Page<MetricPoint> page = read(() -> store.metrics().history(run, name, position, limit));
            visited.addAll(page.items());
            if (!page.hasMore()) {
                return visited;
            }
            MetricPoint last = page.items().getLast();
            after = new MetricKey(last.name(), last.step());
        }
    }
}
