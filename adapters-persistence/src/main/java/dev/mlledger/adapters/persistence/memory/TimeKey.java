package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.paging.Keyset;

import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.UUID;

/**
 * A row's place in time order: its time ({@code created_at}, {@code started_at}), then its id as PostgreSQL orders
 * uuids. Unique per row, so it can key an index.
 */
record TimeKey(Instant at, UUID id) implements Comparable<TimeKey> {

    private static final UUID LOWEST_ID = new UUID(0, 0);

    TimeKey {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    static TimeKey of(Keyset keyset) {
        return new TimeKey(keyset.createdAt(), keyset.id());
    }

    /** The lowest key at an instant: a row of that instant or later sorts at or after it, an earlier row before. */
    static TimeKey first(Instant at) {
        return new TimeKey(at, LOWEST_ID);
    }

    @Override
    public int compareTo(TimeKey other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : PostgresOrder.UUIDS.compare(id, other.id);
    }

    /** The earlier of two bounds, either of which may be absent (null). */
    static TimeKey earlier(TimeKey a, TimeKey b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The rows in [{@code from}, {@code before}), either bound null for none. Empty when the bounds cross (which a
     * plain {@code subMap} would refuse with an exception).
     */
    static <V> NavigableMap<TimeKey, V> between(NavigableMap<TimeKey, V> rows, TimeKey from, TimeKey before) {
        if (from != null && before != null) {
            return from.compareTo(before) >= 0 ? Collections.emptyNavigableMap() : rows.subMap(from, true, before, false);
        }
        if (from != null) {
            return rows.tailMap(from, true);
        }
        return before == null ? rows : rows.headMap(before, false);
    }
}
