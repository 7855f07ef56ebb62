package dev.mlledger.adapters.persistence.memory;

import java.util.Collections;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/** All rows of a table in one order, by a position unique per row (newest-first lists, the oldest requests). */
final class OrderedIndex<P, R> implements MemoryTable.Index<R> {

    private final NavigableMap<P, R> rows;
    private final Function<R, P> positionOf;

    OrderedIndex(Comparator<? super P> order, Function<R, P> positionOf) {
        this.rows = new TreeMap<>(order);
        this.positionOf = positionOf;
    }

    @Override
    public void add(R row) {
        rows.put(positionOf.apply(row), row);
    }

    @Override
    public void remove(R row) {
        rows.remove(positionOf.apply(row));
    }

    NavigableMap<P, R> rows() {
        return Collections.unmodifiableNavigableMap(rows);
    }
}
