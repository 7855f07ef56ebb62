package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryMetrics;
import dev.mlledger.application.testing.InMemoryParams;
import dev.mlledger.application.testing.InMemoryTags;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Tag;
import java.util.TreeMap;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FindRunServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final InMemoryParams params = new InMemoryParams();
    private final InMemoryTags tags = new InMemoryTags();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final FindRun find = new FindRunService(runs, metrics, params, tags, unitOfWork);

    @Test
    void a_run_is_read_with_the_value_of_each_metric_at_its_highest_step_its_params_and_its_tags() {
        Run run = Run.started(UUID.randomUUID(), UUID.randomUUID(), "run", "alice", T0, 42);
        runs.addAll(List.of(run));
        metrics.addAll(run.id(), List.of(
                new MetricPoint("loss", 1, 0.9, T0), new MetricPoint("loss", 2, 0.5, T0),
                new MetricPoint("accuracy", 1, 0.7, T0)));
        params.addAll(run.id(), List.of(new Param("lr", "0.1")));
        tags.setOnRun(run.id(), List.of(new Tag("team", "a")));

        RunDetails found = find.byId(run.id());

        assertEquals(new RunDetails(run, Map.of("loss", 0.5, "accuracy", 0.7), new TreeMap<>(Map.of("lr", "0.1")),
                new TreeMap<>(Map.of("team", "a"))), found);
        assertEquals(1, unitOfWork.reads());
    }

    @Test
    void a_run_without_metrics_has_none_to_show() {
        Run run = Run.started(UUID.randomUUID(), UUID.randomUUID(), "run", "alice", T0, null);
        runs.addAll(List.of(run));

        assertEquals(Map.of(), find.byId(run.id()).latestMetrics());
    }

    @Test
    void a_run_that_does_not_exist_is_not_found() {
        assertThrows(NotFound.class, () -> find.byId(UUID.randomUUID()));
    }
}
