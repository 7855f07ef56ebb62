package dev.mlledger.domain.idempotency;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyKeyTest {

    @Test
    void a_key_of_1_to_255_characters_counted_as_code_points_is_accepted() {
        assertEquals("k", new IdempotencyKey("alice", "k").key());
        assertEquals(255, new IdempotencyKey("alice", "🙂".repeat(255)).key().codePointCount(0, 510));
    }

    @Test
    void an_empty_key_or_one_over_255_characters_is_invalid_input_on_the_key_itself() {
        for (String key : new String[]{null, "", "k".repeat(256), "🙂".repeat(256)}) {
            InvalidInput invalid = assertThrows(InvalidInput.class, () -> new IdempotencyKey("alice", key));
            assertEquals("", invalid.violations().getFirst().field());
            assertEquals("must be 1 to 255 characters", invalid.violations().getFirst().message());
        }
    }

    @Test
    void a_key_with_a_control_character_is_invalid_input() {
        for (String key : new String[]{"a\u0000b", "tab\there", "line\n", "\u007f"}) {
            InvalidInput invalid = assertThrows(InvalidInput.class, () -> new IdempotencyKey("alice", key));
            assertEquals("must not contain control characters", invalid.violations().getFirst().message());
        }
    }

    @Test
    void a_key_needs_a_scope_and_keys_of_two_scopes_differ() {
        assertThrows(NullPointerException.class, () -> new IdempotencyKey(null, "k"));
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey("", "k"));
        assertNotEquals(new IdempotencyKey("alice", "k"), new IdempotencyKey("bob", "k"));
        assertEquals(new IdempotencyKey("alice", "k"), new IdempotencyKey("alice", "k"));
    }
}
