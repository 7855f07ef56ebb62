package dev.mlledger.domain.paging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageTest {

    @Test
    void a_fetch_with_the_one_extra_row_is_cut_to_the_limit_and_has_more() {
        Page<String> page = Page.ofOneExtra(List.of("a", "b", "c", "d"), 3);

        assertEquals(List.of("a", "b", "c"), page.items());
        assertTrue(page.hasMore());
    }

    @Test
    void a_fetch_of_exactly_the_limit_is_the_last_page() {
        Page<String> page = Page.ofOneExtra(List.of("a", "b", "c"), 3);

        assertEquals(List.of("a", "b", "c"), page.items());
        assertFalse(page.hasMore());
    }

    @Test
    void a_short_or_empty_fetch_is_the_last_page() {
        assertEquals(new Page<>(List.of("a"), false), Page.ofOneExtra(List.of("a"), 3));
        assertEquals(new Page<>(List.of(), false), Page.ofOneExtra(List.of(), 1));
    }

    @Test
    void a_page_keeps_its_items_whatever_later_happens_to_the_list_it_came_from() {
        List<String> fetched = new ArrayList<>(List.of("a", "b"));
        Page<String> page = Page.ofOneExtra(fetched, 5);

        fetched.set(0, "changed");
        fetched.add("c");

        assertEquals(List.of("a", "b"), page.items());
        assertThrows(UnsupportedOperationException.class, () -> page.items().add("d"));
    }
}
