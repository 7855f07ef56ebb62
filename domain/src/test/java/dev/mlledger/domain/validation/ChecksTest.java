package dev.mlledger.domain.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {

    private final List<Violation> violations = new ArrayList<>();

    @Test
    void required_text_of_one_to_max_characters_passes_without_a_violation() {
        assertTrue(Checks.requiredText(violations, "name", "a", 5));
        assertTrue(Checks.requiredText(violations, "name", "abcde", 5));

        assertEquals(List.of(), violations);
    }

    @Test
    void missing_required_text_is_one_violation_of_that_field() {
        assertFalse(Checks.requiredText(violations, "name", null, 5));

        assertEquals(List.of(new Violation("name", "is required")), violations);
    }

    @Test
    void blank_text_or_text_over_the_maximum_fails() {
        assertFalse(Checks.requiredText(violations, "name", "", 5));
        assertFalse(Checks.requiredText(violations, "name", "   ", 5));
        assertFalse(Checks.requiredText(violations, "name", "abcdef", 5));

        assertEquals(3, violations.size());
        assertTrue(violations.stream().allMatch(v -> v.field().equals("name")));
    }

    @Test
    void a_nul_character_fails_wherever_it_stands_even_first() {
        for (String withNul : List.of("\u0000", "\u0000abc", "ab\u0000c", "abc\u0000")) {
            List<Violation> found = new ArrayList<>();

            assertFalse(Checks.requiredText(found, "owner", withNul, 50), () -> withNul.replace("\u0000", "\\0"));
            assertFalse(Checks.optionalText(found, "owner", withNul, 50));

            assertEquals(2, found.size());
            assertEquals(found.get(0), found.get(1));
            assertEquals("owner", found.get(0).field());
        }
    }

    @Test
    void characters_are_counted_as_code_points_so_an_emoji_counts_once() {
        String twoEmoji = "\uD83D\uDE00\uD83D\uDE00";

        assertEquals(2, Checks.characters(twoEmoji));
        assertTrue(Checks.requiredText(violations, "employee_id", twoEmoji, 2));
        assertFalse(Checks.requiredText(violations, "employee_id", twoEmoji + "x", 2));
    }

    @Test
    void optional_text_may_be_left_out_but_when_given_follows_the_rules_of_required_text() {
        assertTrue(Checks.optionalText(violations, "owner", null, 5));
        assertTrue(Checks.optionalText(violations, "owner", "alice", 5));
        assertEquals(List.of(), violations);

        assertFalse(Checks.optionalText(violations, "owner", "", 5));
        assertFalse(Checks.optionalText(violations, "owner", "alice!", 5));
        assertEquals(2, violations.size());
    }

    @Test
    void no_violations_throw_nothing_and_any_throw_all_of_them_at_once() {
        assertDoesNotThrow(() -> Checks.throwIfAny(violations));

        Checks.requiredText(violations, "name", null, 5);
        Checks.requiredText(violations, "owner", "", 5);
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> Checks.throwIfAny(violations));

        assertEquals(violations, invalid.violations());
    }
}
