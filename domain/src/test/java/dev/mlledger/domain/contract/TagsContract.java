package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Run;
import dev.mlledger.domain.experiment.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.mlledger.domain.contract.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tags of experiments and runs: set replaces, delete removes, each owner's tags apart, read in key order. */
public abstract class TagsContract extends StorageContract {

    @Test
    void setting_a_tag_again_replaces_its_value_and_deleting_removes_it_on_runs() {
        Run run = storedRun();
        writing(() -> store.tags().setOnRun(run.id(), List.of(new Tag("team", "vision"), new Tag("stage", ""),
                new Tag("t".repeat(Tag.KEY_MAX), "v".repeat(Tag.VALUE_MAX)))));
        writing(() -> store.tags().setOnRun(run.id(), List.of(new Tag("team", "nlp"))));

        assertEquals(new TreeMap<>(Map.of("team", "nlp", "stage", "", "t".repeat(Tag.KEY_MAX), "v".repeat(Tag.VALUE_MAX))),
                read(() -> store.tags().ofRun(run.id())));
        assertTrue(write(() -> store.tags().deleteFromRun(run.id(), "stage")));
        assertFalse(write(() -> store.tags().deleteFromRun(run.id(), "stage")));
        assertEquals(List.of("team", "t".repeat(Tag.KEY_MAX)), List.copyOf(read(() -> store.tags().ofRun(run.id())).keySet()));
    }

    @Test
    void an_experiments_tags_are_its_own_and_not_its_runs() {
        Run run = storedRun();
        writing(() -> {
            store.tags().setOnExperiment(run.experimentId(), List.of(new Tag("owner-team", "a"), new Tag("b", "2")));
            store.tags().setOnExperiment(run.experimentId(), List.of(new Tag("b", "3")));
            store.tags().setOnRun(run.id(), List.of(new Tag("b", "run")));
        });

        assertEquals(Map.of("owner-team", "a", "b", "3"), read(() -> store.tags().ofExperiment(run.experimentId())));
        assertTrue(write(() -> store.tags().deleteFromExperiment(run.experimentId(), "b")));
        assertFalse(write(() -> store.tags().deleteFromExperiment(run.experimentId(), "b")));
        assertEquals(Map.of("owner-team", "a"), read(() -> store.tags().ofExperiment(run.experimentId())));
        assertEquals(Map.of("b", "run"), read(() -> store.tags().ofRun(run.id())));
    }

    @Test
    void the_tags_of_many_runs_come_in_one_read_and_runs_without_tags_are_left_out() {
        Run tagged = storedRun();
        Run untagged = storedRun();
        writing(() -> store.tags().setOnRun(tagged.id(), List.of(new Tag("a", "1"), new Tag("b", "2"))));

        assertEquals(Map.of(tagged.id(), new TreeMap<>(Map.of("a", "1", "b", "2"))),
                read(() -> store.tags().ofRuns(List.of(tagged.id(), untagged.id()))));
    }

    @Test
    void tags_of_a_run_or_experiment_that_does_not_exist_are_refused() {
        assertThrows(RuntimeException.class, () -> writing(() ->
                store.tags().setOnRun(UUID.randomUUID(), List.of(new Tag("a", "1")))));
        assertThrows(RuntimeException.class, () -> writing(() ->
                store.tags().setOnExperiment(UUID.randomUUID(), List.of(new Tag("a", "1")))));
    }
}
