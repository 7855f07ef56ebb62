package dev.mlledger.adapters.persistence.memory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows of one kind by primary key, with the secondary indexes kept in step. Every change is made in a
 * transaction, whose undo log learns how to take it back; taking it back keeps the indexes in step too.
 */
final class MemoryTable<K, R> {

    /** A secondary index, told of every row that comes and goes. */
    interface Index<R> {

        void add(R row);

        void remove(R row);
    }

    private final String rowName;
    private final Function<R, K> keyOf;
    private final List<Index<R>> indexes;
    private final Map<K, R> rows = new HashMap<>();

    @SafeVarargs
    MemoryTable(String rowName, Function<R, K> keyOf, Index<R>... indexes) {
        this.rowName = rowName;
        this.keyOf = keyOf;
        this.indexes = List.of(indexes);
    }

    Optional<R> find(K key) {
        return Optional.ofNullable(rows.get(key));
    }

    boolean contains(K key) {
        return rows.containsKey(key);
    }

    /** Adds a row whose key is new; a key that exists already is refused, as a primary key would refuse it. */
    void insert(MemoryTransaction transaction, R row) {
        K key = keyOf.apply(row);
        if (rows.containsKey(key)) {
            throw transaction.refuse(rowName + " " + key + " exists already");
        }
        put(row);
        transaction.onRollback(() -> take(key));
    }

    /** Adds a row outside any unit of work, while the store is being made (the Default experiment). */
    void preload(R row) {
        put(row);
    }

    /** Stores {@code row} in place of the stored row with its key, which must exist. */
    void replace(MemoryTransaction transaction, R row) {
        R old = rows.get(keyOf.apply(row));
        if (old == null) {
            throw new IllegalStateException("no " + rowName + " " + keyOf.apply(row) + " to replace");
        }
        swap(old, row);
        transaction.onRollback(() -> swap(row, old));
    }

    /** @return the deleted row, empty when there was none */
    Optional<R> delete(MemoryTransaction transaction, K key) {
        R old = take(key);
        if (old != null) {
            transaction.onRollback(() -> put(old));
        }
        return Optional.ofNullable(old);
    }

    private void put(R row) {
        rows.put(keyOf.apply(row), row);
        indexes.forEach(index -> index.add(row));
    }

    private R take(K key) {
        R old = rows.remove(key);
        if (old != null) {
            indexes.forEach(index -> index.remove(old));
        }
        return old;
    }

    private void swap(R old, R row) {
        rows.put(keyOf.apply(row), row);
        for (Index<R> index : indexes) {
            index.remove(old);
            index.add(row);
        }
    }
}
