package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The keys of one call made distinct, as the ports ask: how repeats within a call are settled. */
final class KeyValueBatch {

    private KeyValueBatch() {
    }

    /** A tag set twice in one call takes its last value, as setting it twice in a row would. */
    static Collection<Tag> lastOfEachKey(List<Tag> tags) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        tags.forEach(tag -> byKey.put(tag.key(), tag));
        return byKey.values();
    }

    /** The tags as a map by key, in key order. */
    static SortedMap<String, String> byKey(Collection<Tag> tags) {
        SortedMap<String, String> byKey = new TreeMap<>();
        tags.forEach(tag -> byKey.put(tag.key(), tag.value()));
        return byKey;
    }

    /**
     * A param given twice in one call with the same value counts once; with another value it is refused, since a
     * param is written once.
     *
     * @param field how the list is named in violations ({@code params})
     */
    static Collection<Param> distinctParams(List<Param> params, String field) {
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        Map<String, Param> byKey = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            Param earlier = byKey.putIfAbsent(param.key(), param);
            firstIndex.putIfAbsent(param.key(), i);
            if (earlier != null && !earlier.value().equals(param.value())) {
                violations.add(new Violation(field + "[" + i + "].value", "repeats the key of " + field + "["
                        + firstIndex.get(param.key()) + "] with another value; a param is written once"));
            }
        }
        Checks.throwIfAny(violations);
        return byKey.values();
    }
}
