package dev.mlledger.domain.id;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bits of a new id: a millisecond prefix, then a random part that counts up within the millisecond. */
class IdsLayoutTest {

    private static final int MILLISECONDS = 24;

    @Test
    void the_12_bit_counter_starts_low_enough_to_count_up_within_a_millisecond() {
        for (UUID id : firstIdsOfMilliseconds()) {
            assertTrue(randA(id) <= 0x7FF, () -> id + " starts its counter at " + Long.toHexString(randA(id)));
        }
    }

    @Test
    void each_millisecond_starts_from_a_different_random_part() {
        List<UUID> firsts = firstIdsOfMilliseconds();
        Set<Long> randAs = new HashSet<>();
        Set<Long> randBHighs = new HashSet<>();
        for (UUID id : firsts) {
            randAs.add(randA(id));
            randBHighs.add(id.getLeastSignificantBits() >>> 32 & 0x3FFFFFFFL);
        }

        // 2048 and 2^30 values to draw from: a repeat among 24 draws is rare, many would mean no randomness
        assertTrue(randAs.size() >= MILLISECONDS / 2, "random starts of the counter: " + randAs);
        assertEquals(MILLISECONDS, randBHighs.size(), "random high parts: " + randBHighs);
    }

    @Test
    void within_a_millisecond_the_next_id_is_the_previous_one_plus_one() {
        UUID previous = Ids.newId();
        int sameMillisecond = 0;
        for (int i = 0; i < 10_000; i++) {
            UUID next = Ids.newId();
            if (millis(next) == millis(previous)) {
                sameMillisecond++;
                assertEquals(previous.getMostSignificantBits(), next.getMostSignificantBits());
                assertEquals(previous.getLeastSignificantBits() + 1, next.getLeastSignificantBits(),
                        previous + " then " + next);
            }
            previous = next;
        }
        assertTrue(sameMillisecond > 0, "10 000 ids within 10 000 different milliseconds");
    }

    /** The first id this test sees in each of {@link #MILLISECONDS} consecutive milliseconds. */
    private static List<UUID> firstIdsOfMilliseconds() {
        List<UUID> firsts = new ArrayList<>();
        long seen = millis(Ids.newId());
        for (int i = 0; i < 100_000_000 && firsts.size() < MILLISECONDS; i++) {
            UUID id = Ids.newId();
            if (millis(id) != seen) {
                firsts.add(id);
                seen = millis(id);
            }
        }
        assertEquals(MILLISECONDS, firsts.size(), "the millisecond prefix stopped moving");
        return firsts;
    }

    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    private static long randA(UUID id) {
        return id.getMostSignificantBits() & 0x0FFFL;
    }
}
