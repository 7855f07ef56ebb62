package dev.mlledger.domain.contract;

import dev.mlledger.domain.experiment.Experiment;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.ParamAlreadyLogged;
import dev.mlledger.domain.experiment.Run;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.mlledger.domain.contract.ContractData.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Params: written once per run and key, the same value again is no change, read per run and for many runs. */
public abstract class ParamsContract extends StorageContract {

    @Test
    void params_read_back_in_key_order_with_values_at_their_longest_and_empty() {
        UUID run = storedRun().id();
        List<Param> params = List.of(new Param("lr", "0.01"), new Param("k".repeat(Param.KEY_MAX), "v".repeat(Param.VALUE_MAX)),
                new Param("empty", ""), new Param("Batch size", "64"));
        writing(() -> store.params().addAll(run, params));

        Map<String, String> expected = new TreeMap<>();
        params.forEach(param -> expected.put(param.key(), param.value()));
        assertEquals(expected, read(() -> store.params().ofRun(run)));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(read(() -> store.params().ofRun(run)).keySet()));
    }

    @Test
    void logging_a_key_again_with_its_value_changes_nothing_and_with_another_value_is_refused_and_writes_nothing() {
        UUID run = storedRun().id();
        writing(() -> store.params().addAll(run, List.of(new Param("lr", "0.01"))));
        writing(() -> store.params().addAll(run, List.of(new Param("lr", "0.01"), new Param("epochs", "3"))));

        ParamAlreadyLogged refused = assertThrows(ParamAlreadyLogged.class, () -> writing(() ->
                store.params().addAll(run, List.of(new Param("momentum", "0.9"), new Param("lr", "0.02")))));

        assertEquals("lr", refused.key());
        assertEquals(Map.of("lr", "0.01", "epochs", "3"), read(() -> store.params().ofRun(run)));
    }

    @Test
    void the_params_of_many_runs_come_in_one_read_and_runs_without_params_are_left_out() {
        List<UUID> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID run = storedRun().id();
            runs.add(run);
            int index = i;
            if (i > 0) {
                writing(() -> store.params().addAll(run, List.of(new Param("seed", "s" + index))));
            }
        }

        assertEquals(Map.of(runs.get(1), new TreeMap<>(Map.of("seed", "s1")), runs.get(2), new TreeMap<>(Map.of("seed", "s2")),
                runs.get(3), new TreeMap<>(Map.of("seed", "s3"))), read(() -> store.params().ofRuns(runs)));
        assertEquals(Map.of(), read(() -> store.params().ofRuns(List.of())));
    }

    @Test
    void params_of_a_run_that_does_not_exist_are_refused() {
        assertThrows(RuntimeException.class, () -> writing(() ->
                store.params().addAll(UUID.randomUUID(), List.of(new Param("lr", "0.1")))));
    }
}
