package dev.mlledger.adapters.persistence.experiment;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** Params and tags as the ports give them: per owner, by key in key order. */
final class KeyValues {

    private KeyValues() {
    }

    static Map<UUID, SortedMap<String, String>> byOwner(List<KeyValueRow> rows) {
        Map<UUID, SortedMap<String, String>> byOwner = new HashMap<>();
        for (KeyValueRow row : rows) {
            byOwner.computeIfAbsent(row.ownerId(), owner -> new TreeMap<>()).put(row.key(), row.value());
        }
        return byOwner;
    }

    /** The keys and values of one owner, whose rows these are. */
    static SortedMap<String, String> of(UUID owner, List<KeyValueRow> rows) {
        return byOwner(rows).getOrDefault(owner, Collections.emptySortedMap());
    }

    /** The rows of each owner, owners without rows left out; none asked, none read. */
    static Map<UUID, SortedMap<String, String>> ofAll(Collection<UUID> owners,
                                                     Function<String[], List<KeyValueRow>> read) {
        return owners.isEmpty() ? Map.of() : byOwner(read.apply(owners.stream().map(UUID::toString)
                .toArray(String[]::new)));
    }

}
