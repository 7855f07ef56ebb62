package dev.mlledger.domain.paging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrdersTest {

    @Test
    void ids_sort_as_unsigned_numbers_most_significant_half_first() {
        UUID small = new UUID(1, -1);
        UUID topBitSet = new UUID(-1, 0);
        UUID sameHighLargerLow = new UUID(1, -2);

        List<UUID> sorted = List.of(topBitSet, small, sameHighLargerLow).stream().sorted(Orders.IDS).toList();

        assertEquals(List.of(sameHighLargerLow, small, topBitSet), sorted);
    }

    @Test
    void text_sorts_by_code_point_not_by_utf16_unit() {
        List<String> sorted = List.of("\uD83D\uDE00", "\uE000", "a", "B", "ab", "").stream().sorted(Orders.TEXT)
                .toList();

        assertEquals(List.of("", "B", "a", "ab", "\uE000", "\uD83D\uDE00"), sorted);
    }
}
