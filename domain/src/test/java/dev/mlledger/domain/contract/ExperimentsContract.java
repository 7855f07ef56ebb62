package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.mlledger.domain.contract.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experiments: round trip, optimistic versions, cascading delete, newest-first pages with run counts. */
public abstract class ExperimentsContract extends StorageContract {

    @Test
    void an_update_at_the_stored_version_is_kept_and_bumps_the_version() {
        Experiment experiment = ContractData.experiment("baseline", "alice", T0);
        writing(() -> store.experiments().add(experiment));

        Experiment updated = write(() -> store.experiments().update(experiment.withStatus(ExperimentStatus.RUNNING)));

        assertEquals(1, updated.version());
        assertEquals(updated, read(() -> store.experiments().find(experiment.id())).orElseThrow());
    }

    @Test
    void an_update_from_a_stale_read_loses_with_a_concurrent_update_and_changes_nothing() {
        Experiment stale = ContractData.experiment("baseline", "alice", T0);
        writing(() -> store.experiments().add(stale));
        writing(() -> store.experiments().update(stale.withDescription("first writer")));

        assertThrows(ConcurrentUpdate.class, () -> writing(() -> store.experiments().update(stale.withDescription("second"))));

        assertEquals("first writer", read(() -> store.experiments().find(stale.id())).orElseThrow().description());
    }

    @Test
    void deleting_an_experiment_takes_its_runs_and_their_metrics_and_a_second_delete_finds_nothing() {
        Experiment experiment = ContractData.experiment("gone", "alice", T0);
        Run run = ContractData.run(experiment.id(), T0, 1);
        writing(() -> {
            store.experiments().add(experiment);
            store.runs().addAll(List.of(run));
            store.metrics().addAll(run.id(), List.of(new MetricPoint("loss", 1, 0.5, T0)));
        });

        assertTrue(write(() -> store.experiments().delete(experiment.id())));

        assertTrue(read(() -> store.runs().find(run.id())).isEmpty());
        assertEquals(Map.of(), read(() -> store.metrics().latest(run.id())));
        assertFalse(write(() -> store.experiments().delete(experiment.id())));
    }

    @Test
    void the_list_is_newest_first_with_run_counts_filtered_by_owner_and_status_and_paged_without_repeats() {
        List<ExperimentSummary> expected = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Experiment experiment = ContractData.experiment("e-" + i, i % 2 == 0 ? "alice" : "bob",
                    T0.plus(Duration.ofMinutes(i / 3)));
            int runs = i % 4;
            writing(() -> {
                store.experiments().add(experiment);
                for (int r = 0; r < runs; r++) {
                    store.runs().addAll(List.of(ContractData.run(experiment.id(), T0, r)));
                }
            });
            expected.add(new ExperimentSummary(experiment, runs));
        }
        Comparator<ExperimentSummary> newestFirst = Comparator.<ExperimentSummary, java.time.Instant>comparing(
                s -> s.experiment().createdAt()).thenComparing(s -> s.experiment().id(), ContractData::compareIds).reversed();

        assertEquals(expected.stream().sorted(newestFirst).toList(), pageThrough(new ExperimentFilter(null, null), 4));
        assertEquals(expected.stream().filter(s -> s.experiment().owner().equals("bob")).sorted(newestFirst).toList(),
                pageThrough(new ExperimentFilter("bob", null), 2));
        assertEquals(List.of(), pageThrough(new ExperimentFilter(null, ExperimentStatus.COMPLETED), 5));
    }

    private List<ExperimentSummary> pageThrough(ExperimentFilter filter, int limit) {
        List<ExperimentSummary> visited = new ArrayList<>();
        Keyset after = null;
        while (true) {
            Keyset position = after;
            Page<ExperimentSummary> page = read(() -> store.experiments().list(filter, position, limit));
            visited.addAll(page.items());
            if (!page.hasMore()) {
                return visited;
            }
            Experiment last = page.items().getLast().experiment();
            after = new Keyset(last.createdAt(), last.id());
        }
    }
}
