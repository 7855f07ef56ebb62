package dev.mlledger.domain.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InvalidInputTest {

    @Test
    void its_message_names_every_violation_in_order() {
        InvalidInput invalid = new InvalidInput(List.of(
                new Violation("name", "is required"), new Violation("step", "must be at least 0")));

        assertEquals("name is required; step must be at least 0", invalid.getMessage());
    }

    @Test
    void one_field_and_message_make_one_violation() {
        InvalidInput invalid = new InvalidInput("limit", "must be between 1 and 100");

        assertEquals(List.of(new Violation("limit", "must be between 1 and 100")), invalid.violations());
        assertEquals("limit must be between 1 and 100", invalid.getMessage());
    }

    @Test
    void it_keeps_the_violations_it_was_given_even_if_the_list_changes_later() {
        List<Violation> violations = new ArrayList<>(List.of(new Violation("name", "is required")));
        InvalidInput invalid = new InvalidInput(violations);

        violations.add(new Violation("owner", "is required"));

        assertEquals(1, invalid.violations().size());
        assertThrows(UnsupportedOperationException.class, () -> invalid.violations().clear());
    }

    @Test
    void invalid_input_without_a_violation_cannot_be_made() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidInput(List.of()));
    }

    @Test
    void a_violation_needs_a_field_and_a_message() {
        assertThrows(NullPointerException.class, () -> new Violation(null, "is required"));
        assertThrows(NullPointerException.class, () -> new Violation("name", null));
    }
}
