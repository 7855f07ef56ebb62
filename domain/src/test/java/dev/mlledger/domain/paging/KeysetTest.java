package dev.mlledger.domain.paging;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeysetTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void a_position_needs_both_the_creation_time_and_the_id_of_the_last_item_seen() {
        assertThrows(NullPointerException.class, () -> new Keyset(null, UUID.randomUUID()));
        assertThrows(NullPointerException.class, () -> new Keyset(T0, null));
    }

    @Test
    void two_items_made_at_the_same_instant_are_different_positions() {
        UUID first = UUID.fromString("00000000-0000-7000-8000-000000000001");
        UUID second = UUID.fromString("00000000-0000-7000-8000-000000000002");

        assertNotEquals(new Keyset(T0, first), new Keyset(T0, second));
        assertEquals(new Keyset(T0, first), new Keyset(T0, first));
    }
}
