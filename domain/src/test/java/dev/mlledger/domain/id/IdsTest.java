package dev.mlledger.domain.id;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void new_ids_are_version_7_uuids_of_the_rfc_variant() {
        UUID id = Ids.newId();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void ids_made_later_sort_after_ids_made_earlier_by_their_time_prefix() throws InterruptedException {
        UUID earlier = Ids.newId();
        Thread.sleep(3);
        UUID later = Ids.newId();

        assertTrue(Long.compareUnsigned(later.getMostSignificantBits() >>> 16, earlier.getMostSignificantBits() >>> 16) > 0);
    }

    @Test
    void ids_made_one_after_another_are_strictly_increasing_even_within_one_millisecond() {
        UUID previous = Ids.newId();
        for (int i = 0; i < 100_000; i++) {
            UUID next = Ids.newId();
            assertTrue(unsignedCompare(next, previous) > 0, previous + " then " + next);
            previous = next;
        }
    }

    private static int unsignedCompare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void a_hundred_thousand_ids_are_all_different() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.newId());
        }
        assertEquals(100_000, seen.size());
    }
}
