package dev.mlledger.adapters.persistence.memory;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rows grouped by a parent (the predictions of a request, the runs of an experiment, the points of a run), in
 * order within each group by a position unique in the group: what a foreign key with an index gives a database.
 */
final class GroupedIndex<G, P, R> implements MemoryTable.Index<R> {

    private final Map<G, NavigableMap<P, R>> groups = new HashMap<>();
    private final Comparator<? super P> order;
    /** What a parent without rows has: empty, but in the group's order (a range of it compares positions). */
    private final NavigableMap<P, R> none;
    private final Function<R, G> groupOf;
    private final Function<R, P> positionOf;

    GroupedIndex(Function<R, G> groupOf, Comparator<? super P> order, Function<R, P> positionOf) {
        this.order = order;
        this.none = Collections.unmodifiableNavigableMap(new TreeMap<>(order));
        this.groupOf = groupOf;
        this.positionOf = positionOf;
    }

    @Override
    public void add(R row) {
        groups.computeIfAbsent(groupOf.apply(row), group -> new TreeMap<>(order)).put(positionOf.apply(row), row);
    }

    @Override
    public void remove(R row) {
        G group = groupOf.apply(row);
        NavigableMap<P, R> members = groups.get(group);
        if (members != null) {
            members.remove(positionOf.apply(row));
            if (members.isEmpty()) {
                groups.remove(group);
            }
        }
    }

    /** The group's rows in order; empty for a parent without any (never creates a group, so reads may share). */
    NavigableMap<P, R> of(G group) {
        NavigableMap<P, R> members = groups.get(group);
        return members == null ? none : Collections.unmodifiableNavigableMap(members);
    }
}
