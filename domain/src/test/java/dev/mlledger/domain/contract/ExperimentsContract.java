package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.ConcurrentUpdate;
import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.ExperimentFilter;
import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.ExperimentSummary;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.paging.Keyset;
import dev.mlledger.domain.paging.Page;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mlledger.domain.contract.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Experiments: the Default experiment, numbers, lookups by number and name, name claims, round trip, optimistic
 * versions, lifecycle, cascading purge, newest-first pages with run counts.
 */
public abstract class ExperimentsContract extends StorageContract {

    @Test
    void an_empty_store_holds_the_default_experiment_numbered_0_owned_by_admin() {
        Experiment found = read(() -> store.experiments().find(Experiment.DEFAULT_ID)).orElseThrow();

        assertEquals(Experiment.DEFAULT_NUMBER, found.number());
        assertEquals(Experiment.DEFAULT_NAME, found.name());
        assertEquals(Experiment.DEFAULT_OWNER, found.owner());
        assertEquals(Lifecycle.ACTIVE, found.lifecycle());
        assertEquals(found, read(() -> store.experiments().findByNumber(0)).orElseThrow());
        assertEquals(found, read(() -> store.experiments().findByName("Default")).orElseThrow());
    }

    @Test
    void adding_gives_each_experiment_a_new_number_above_every_earlier_one_and_it_is_found_by_it() {
        List<Experiment> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Experiment experiment = ContractData.experiment("numbered-" + i, "alice", T0);
            added.add(write(() -> store.experiments().add(experiment)));
        }

        assertTrue(added.get(0).number() > 0);
        assertTrue(added.get(0).number() < added.get(1).number() && added.get(1).number() < added.get(2).number());
        for (Experiment experiment : added) {
            assertEquals(experiment, read(() -> store.experiments().findByNumber(experiment.number())).orElseThrow());
            assertEquals(experiment, read(() -> store.experiments().find(experiment.id())).orElseThrow());
        }
        assertTrue(read(() -> store.experiments().findByNumber(added.get(2).number() + 1)).isEmpty());
    }

    @Test
    void a_repeated_name_finds_the_newest_active_experiment_else_the_newest_deleted_one() {
        Experiment older = stored(ContractData.experiment("twin", "alice", T0));
        Experiment newer = stored(ContractData.experiment("twin", "bob", T0.plusSeconds(1)));
        stored(ContractData.experiment("Twin", "bob", T0.plusSeconds(2)));

        assertEquals(newer, read(() -> store.experiments().findByName("twin")).orElseThrow());
        Experiment newerDeleted = write(() -> store.experiments().update(newer.withLifecycle(Lifecycle.DELETED)));
        assertEquals(older, read(() -> store.experiments().findByName("twin")).orElseThrow());
        write(() -> store.experiments().update(older.withLifecycle(Lifecycle.DELETED)));
        assertEquals(newerDeleted, read(() -> store.experiments().findByName("twin")).orElseThrow());
        assertEquals(Optional.empty(), read(() -> store.experiments().findByName("twins")));
    }

    @Test
    void a_name_is_claimed_when_any_experiment_active_or_deleted_has_it() {
        Experiment experiment = stored(ContractData.experiment("claimed", "alice", T0));

        assertTrue(write(() -> store.experiments().claimName("claimed")));
        assertFalse(write(() -> store.experiments().claimName("unclaimed")));
        write(() -> store.experiments().update(experiment.withLifecycle(Lifecycle.DELETED)));
        assertTrue(write(() -> store.experiments().claimName("claimed")));
    }

    @Test
    void of_two_units_of_work_claiming_a_free_name_and_adding_it_at_once_exactly_one_adds_it() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String name = "race-" + round;
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> adds = new ArrayList<>();
                for (int client = 0; client < 2; client++) {
                    adds.add(clients.submit(() -> {
                        together.await();
                        return write(() -> {
                            if (store.experiments().claimName(name)) {
                                return false;
                            }
                            store.experiments().add(ContractData.experiment(name, "alice", T0));
                            return true;
                        });
                    }));
                }
                int winners = 0;
                for (Future<Boolean> add : adds) {
                    winners += add.get() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void an_update_at_the_stored_version_keeps_name_description_status_and_lifecycle_and_bumps_the_version() {
        Experiment experiment = stored(ContractData.experiment("baseline", "alice", T0));

        Experiment updated = write(() -> store.experiments().update(experiment.withStatus(ExperimentStatus.RUNNING)
                .withName("renamed").withDescription("why").withLifecycle(Lifecycle.DELETED)));

        assertEquals(1, updated.version());
        assertEquals(new Experiment(experiment.id(), experiment.number(), "renamed", "alice", "why",
                ExperimentStatus.RUNNING, Lifecycle.DELETED, experiment.createdAt(), 1), updated);
        assertEquals(updated, read(() -> store.experiments().find(experiment.id())).orElseThrow());
    }

    @Test
    void an_update_from_a_stale_read_loses_with_a_concurrent_update_and_changes_nothing() {
        Experiment stale = stored(ContractData.experiment("baseline", "alice", T0));
        writing(() -> store.experiments().update(stale.withDescription("first writer")));

        assertThrows(ConcurrentUpdate.class, () -> writing(() -> store.experiments().update(stale.withDescription("second"))));

        assertEquals("first writer", read(() -> store.experiments().find(stale.id())).orElseThrow().description());
    }

    @Test
    void deleting_an_experiment_takes_its_runs_their_metrics_params_and_tags_and_its_tags_and_a_second_delete_finds_nothing() {
        Experiment experiment = ContractData.experiment("gone", "alice", T0);
        Run run = ContractData.run(experiment.id(), T0, 1);
        writing(() -> {
            store.experiments().add(experiment);
            store.runs().addAll(List.of(run));
            store.metrics().addAll(run.id(), List.of(new MetricPoint("loss", 1, 0.5, T0)));
            store.params().addAll(run.id(), List.of(new Param("lr", "0.1")));
            store.tags().setOnRun(run.id(), List.of(new Tag("team", "x")));
            store.tags().setOnExperiment(experiment.id(), List.of(new Tag("team", "x")));
        });

        assertTrue(write(() -> store.experiments().delete(experiment.id())));

        assertTrue(read(() -> store.runs().find(run.id())).isEmpty());
        assertEquals(Map.of(), read(() -> store.metrics().latest(run.id())));
        assertEquals(Map.of(), read(() -> store.params().ofRun(run.id())));
        assertEquals(Map.of(), read(() -> store.tags().ofRun(run.id())));
        assertEquals(Map.of(), read(() -> store.tags().ofExperiment(experiment.id())));
        assertFalse(write(() -> store.experiments().delete(experiment.id())));
    }

    @Test
    void the_list_is_newest_first_with_run_counts_filtered_by_owner_status_and_lifecycle_and_paged_without_repeats() {
        List<ExperimentSummary> expected = new ArrayList<>();
        expected.add(new ExperimentSummary(read(() -> store.experiments().find(Experiment.DEFAULT_ID)).orElseThrow(), 0));
        for (int i = 0; i < 13; i++) {
            Experiment experiment = ContractData.experiment("e-" + i, i % 2 == 0 ? "alice" : "bob",
                    T0.plus(Duration.ofMinutes(i / 3)));
            int runs = i % 4;
            boolean deleted = i % 5 == 1;
            Experiment added = write(() -> {
                Experiment stored = store.experiments().add(experiment);
                for (int r = 0; r < runs; r++) {
                    store.runs().addAll(List.of(ContractData.run(experiment.id(), T0, r)));
                }
                return deleted ? store.experiments().update(stored.withLifecycle(Lifecycle.DELETED)) : stored;
            });
            expected.add(new ExperimentSummary(added, runs));
        }
        Comparator<ExperimentSummary> newestFirst = Comparator.<ExperimentSummary, java.time.Instant>comparing(
                s -> s.experiment().createdAt()).thenComparing(s -> s.experiment().id(), ContractData::compareIds).reversed();

        for (ExperimentFilter filter : List.of(new ExperimentFilter(null, null, null),
                new ExperimentFilter("bob", null, null), new ExperimentFilter(null, null, Lifecycle.ACTIVE),
                new ExperimentFilter("bob", null, Lifecycle.DELETED),
                new ExperimentFilter(null, ExperimentStatus.COMPLETED, null))) {
            assertEquals(expected.stream().filter(s -> filter.selects(s.experiment())).sorted(newestFirst).toList(),
                    pageThrough(filter, 4), filter.toString());
        }
        assertEquals(List.of(), pageThrough(new ExperimentFilter(null, ExperimentStatus.COMPLETED, null), 5));
    }

    private Experiment stored(Experiment experiment) {
        return write(() -> store.experiments().add(experiment));
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
