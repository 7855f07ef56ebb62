package dev.mlledger.adapters.persistence.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** The params or tags of runs or experiments: a table keyed by (owner, key) with its by-owner index. */
record KeyValueTable(MemoryTable<StoredValue.Key, StoredValue> table, GroupedIndex<UUID, String, StoredValue> byOwner) {

    /** The key's value of the owner, or null. */
    String valueOf(UUID owner, String key) {
        StoredValue stored = byOwner.of(owner).get(key);
        return stored == null ? null : stored.value();
    }

    /**
     * Refuses keys that repeat within one call, as PostgreSQL refuses an upsert that would change one row twice.
     */
    static void requireDistinct(MemoryTransaction transaction, Collection<String> keys, String what) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw transaction.refuse(what + " " + key + " appears twice in one call");
            }
        }
    }

    /** Inserts the value, or replaces the owner's value of its key. */
    void put(MemoryTransaction transaction, StoredValue value) {
        if (table.contains(value.identity())) {
            table.replace(transaction, value);
        } else {
            table.insert(transaction, value);
        }
    }

    boolean delete(MemoryTransaction transaction, UUID owner, String key) {
        return table.delete(transaction, new StoredValue.Key(owner, key)).isPresent();
    }

    SortedMap<String, String> of(UUID owner) {
        SortedMap<String, String> values = new TreeMap<>();
        byOwner.of(owner).values().forEach(value -> values.put(value.key(), value.value()));
        return values;
    }

    Map<UUID, SortedMap<String, String>> ofAll(Collection<UUID> owners) {
        Map<UUID, SortedMap<String, String>> values = new HashMap<>();
        for (UUID owner : owners) {
            SortedMap<String, String> ofOwner = of(owner);
            if (!ofOwner.isEmpty()) {
                values.put(owner, ofOwner);
            }
        }
        return values;
    }
}
