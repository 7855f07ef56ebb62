package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExperimentTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-7000-8000-000000000001");

    @Test
    void a_description_is_optional_and_may_hold_up_to_ten_thousand_characters() {
        assertNull(experiment("baseline", "alice", null).description());
        String longest = "d".repeat(Experiment.DESCRIPTION_MAX);
        assertEquals(longest, experiment("baseline", "alice", longest).description());
    }

    @Test
    void a_description_over_ten_thousand_characters_is_invalid() {
        String tooLong = "d".repeat(Experiment.DESCRIPTION_MAX + 1);

        assertThrows(InvalidInput.class, () -> experiment("baseline", "alice", tooLong));
    }

    @Test
    void a_description_with_a_nul_character_is_invalid_even_as_its_first_character() {
        assertThrows(InvalidInput.class, () -> experiment("baseline", "alice", "\u0000notes"));
        assertThrows(InvalidInput.class, () -> experiment("baseline", "alice", "notes\u0000"));
    }

    @Test
    void a_nul_character_in_an_over_long_description_is_one_problem_not_two() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> experiment("baseline", "alice", "\u0000" + "d".repeat(Experiment.DESCRIPTION_MAX)));

        assertEquals(1, invalid.violations().size());
    }

    @Test
    void name_and_owner_are_required_and_every_problem_is_reported_at_once() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> experiment(null, "o".repeat(Experiment.OWNER_MAX + 1), "\u0000"));

        assertEquals(3, invalid.violations().size(), invalid.getMessage());
    }

    @Test
    void a_name_of_up_to_a_hundred_and_an_owner_of_up_to_fifty_characters_are_accepted() {
        assertDoesNotThrow(() -> experiment("n".repeat(Experiment.NAME_MAX), "o".repeat(Experiment.OWNER_MAX), null));
        assertThrows(InvalidInput.class, () -> experiment("n".repeat(Experiment.NAME_MAX + 1), "alice", null));
    }

    @Test
    void checking_a_would_be_description_adds_nothing_for_a_good_one() {
        List<Violation> violations = new java.util.ArrayList<>();

        Experiment.checkDescription(violations, null);
        Experiment.checkDescription(violations, "a fine description");

        assertEquals(List.of(), violations);
    }

    @Test
    void a_new_description_keeps_everything_else() {
        Experiment original = new Experiment(ID, "baseline", "alice", "old", ExperimentStatus.RUNNING, T0, 7);

        Experiment changed = original.withDescription("new");

        assertEquals(new Experiment(ID, "baseline", "alice", "new", ExperimentStatus.RUNNING, T0, 7), changed);
    }

    @Test
    void a_new_description_follows_the_same_rules() {
        Experiment original = experiment("baseline", "alice", "old");

        assertThrows(InvalidInput.class, () -> original.withDescription("\u0000"));
    }

    @Test
    void a_status_change_keeps_everything_else() {
        Experiment created = new Experiment(ID, "baseline", "alice", "notes", ExperimentStatus.CREATED, T0, 3);

        assertEquals(new Experiment(ID, "baseline", "alice", "notes", ExperimentStatus.RUNNING, T0, 3),
                created.withStatus(ExperimentStatus.RUNNING));
    }

    @Test
    void an_experiment_needs_an_id_a_status_and_a_creation_time() {
        assertThrows(NullPointerException.class,
                () -> new Experiment(null, "b", "a", null, ExperimentStatus.CREATED, T0, 0));
        assertThrows(NullPointerException.class, () -> new Experiment(ID, "b", "a", null, null, T0, 0));
        assertThrows(NullPointerException.class,
                () -> new Experiment(ID, "b", "a", null, ExperimentStatus.CREATED, null, 0));
    }

    @Test
    void an_owner_filter_is_optional_but_follows_the_owner_rules() {
        assertDoesNotThrow(() -> new ExperimentFilter(null, null, null));
        assertDoesNotThrow(() -> new ExperimentFilter("alice", ExperimentStatus.RUNNING, Lifecycle.DELETED));
        assertThrows(InvalidInput.class, () -> new ExperimentFilter("", null, null));
        assertThrows(InvalidInput.class, () -> new ExperimentFilter("\u0000alice", null, null));
        assertThrows(InvalidInput.class, () -> new ExperimentFilter("o".repeat(Experiment.OWNER_MAX + 1), null, null));
    }

    private static Experiment experiment(String name, String owner, String description) {
        return new Experiment(ID, name, owner, description, ExperimentStatus.CREATED, T0, 0);
    }
}
