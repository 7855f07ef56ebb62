package dev.mlledger.application.experiment;

import dev.mlledger.application.testing.FakeUnitOfWork;
import dev.mlledger.application.testing.InMemoryMetrics;
import dev.mlledger.application.testing.InMemoryRuns;
import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.paging.Page;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.validation.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricHistoryServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
    private final MetricHistory history = new MetricHistoryService(runs, metrics, unitOfWork);
    private final Run run = Run.started(UUID.randomUUID(), UUID.randomUUID(), "run", "alice", T0, null);

    private final MetricPoint accuracy1 = new MetricPoint("accuracy", 1, 0.6, T0);
    private final MetricPoint loss1 = new MetricPoint("loss", 1, 0.9, T0);
    private final MetricPoint loss2 = new MetricPoint("loss", 2, 0.7, T0);

    @Test
    void a_runs_history_comes_by_name_then_step_a_page_at_a_time() {
        runs.addAll(List.of(run));
        metrics.addAll(run.id(), List.of(loss2, accuracy1, loss1));

        Page<MetricPoint> first = history.history(run.id(), null, null, new PageLimit(2));
        Page<MetricPoint> rest = history.history(run.id(), null, new MetricKey("loss", 1), new PageLimit(2));

        assertEquals(new Page<>(List.of(accuracy1, loss1), true), first);
        assertEquals(new Page<>(List.of(loss2), false), rest);
        assertEquals(2, unitOfWork.reads());
        assertEquals(0, unitOfWork.writes());
    }

    @Test
    void the_history_of_one_name_leaves_the_others_out() {
        runs.addAll(List.of(run));
        metrics.addAll(run.id(), List.of(loss2, accuracy1, loss1));

        Page<MetricPoint> losses = history.history(run.id(), "loss", null, new PageLimit(10));

        assertEquals(List.of(loss1, loss2), losses.items());
        assertFalse(losses.hasMore());
    }

    @Test
    void a_run_without_metrics_has_an_empty_history() {
        runs.addAll(List.of(run));

        assertTrue(history.history(run.id(), null, null, new PageLimit(10)).items().isEmpty());
    }

    @Test
    void the_history_of_a_run_that_does_not_exist_is_not_found() {
        assertThrows(NotFound.class, () -> history.history(UUID.randomUUID(), null, null, new PageLimit(10)));
    }
}
