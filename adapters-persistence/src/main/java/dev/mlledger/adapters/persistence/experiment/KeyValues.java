package dev.mlledger.adapters.persistence.experiment;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

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

    static SortedMap<String, String> none() {
        return Collections.emptySortedMap();
    }

    static String[] ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
