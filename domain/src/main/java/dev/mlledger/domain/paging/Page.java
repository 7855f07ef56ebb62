package dev.mlledger.domain.paging;

import java.util.List;

/**
 * One page of a list and whether more follow; the next page starts after the last item.
 */
public record Page<T>(List<T> items, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** Cuts a list fetched with one extra row ({@code limit + 1}) into a page. */
    public static <T> Page<T> ofOneExtra(List<T> fetched, int limit) {
        return fetched.size() > limit ? new Page<>(fetched.subList(0, limit), true) : new Page<>(fetched, false);
    }
}
