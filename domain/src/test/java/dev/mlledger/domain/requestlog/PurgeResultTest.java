package dev.mlledger.domain.requestlog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PurgeResultTest {

    @Test
    void results_of_two_chunks_add_up_requests_and_predictions_separately() {
        assertEquals(new PurgeResult(150, 37), new PurgeResult(100, 30).plus(new PurgeResult(50, 7)));
    }

    @Test
    void nothing_plus_a_result_is_that_result() {
        PurgeResult result = new PurgeResult(3, 9);

        assertEquals(result, PurgeResult.NOTHING.plus(result));
        assertEquals(result, result.plus(PurgeResult.NOTHING));
    }

    @Test
    void a_result_is_empty_only_when_it_removed_neither_requests_nor_predictions() {
        assertTrue(PurgeResult.NOTHING.isEmpty());
        assertTrue(new PurgeResult(0, 0).isEmpty());
        assertFalse(new PurgeResult(1, 0).isEmpty());
        assertFalse(new PurgeResult(0, 1).isEmpty());
        assertFalse(new PurgeResult(4, 12).isEmpty());
    }
}
