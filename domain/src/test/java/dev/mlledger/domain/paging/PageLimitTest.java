package dev.mlledger.domain.paging;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageLimitTest {

    @Test
    void no_requested_limit_gives_the_lists_default() {
        assertEquals(new PageLimit(20), PageLimit.of(null, 20, 100));
    }

    @Test
    void a_requested_limit_from_one_to_the_maximum_is_taken_as_asked() {
        assertEquals(1, PageLimit.of(1, 20, 100).value());
        assertEquals(57, PageLimit.of(57, 20, 100).value());
        assertEquals(100, PageLimit.of(100, 20, 100).value());
    }

    @Test
    void a_limit_below_one_or_above_the_maximum_is_invalid_input() {
        for (int requested : new int[] {0, -1, Integer.MIN_VALUE, 101, Integer.MAX_VALUE}) {
            assertThrows(InvalidInput.class, () -> PageLimit.of(requested, 20, 100), () -> "limit " + requested);
        }
    }

    @Test
    void a_default_outside_the_bounds_is_refused_like_a_requested_one() {
        assertThrows(InvalidInput.class, () -> PageLimit.of(null, 0, 100));
        assertThrows(InvalidInput.class, () -> PageLimit.of(null, 101, 100));
    }
}
