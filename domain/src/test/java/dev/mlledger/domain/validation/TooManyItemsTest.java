package dev.mlledger.domain.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TooManyItemsTest {

    @Test
    void it_tells_which_list_was_too_long_its_limit_and_how_many_came() {
        TooManyItems tooMany = new TooManyItems("items", 1000, 1001);

        assertEquals("items", tooMany.field());
        assertEquals(1000, tooMany.max());
        assertTrue(tooMany.getMessage().contains("1001"), tooMany.getMessage());
        assertTrue(tooMany.getMessage().contains("1000"), tooMany.getMessage());
    }
}
