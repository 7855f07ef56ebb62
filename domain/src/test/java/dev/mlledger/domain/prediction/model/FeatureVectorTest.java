package dev.mlledger.domain.prediction.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeatureVectorTest {

    @Test
    void a_vector_keeps_the_order_it_was_given_and_ignores_later_changes_to_its_source() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("overtime", true);
        source.put("age", 41.0);
        source.put("department", "Sales");

        FeatureVector vector = new FeatureVector(source);
        source.put("age", 99.0);

        assertEquals(List.of("overtime", "age", "department"), new ArrayList<>(vector.asMap().keySet()));
        assertEquals(41.0, vector.asMap().get("age"));
    }

    @Test
    void vectors_with_the_same_features_are_equal() {
        assertEquals(new FeatureVector(Map.of("age", 41.0)), new FeatureVector(Map.of("age", 41.0)));
    }

    @Test
    void only_finite_doubles_booleans_and_strings_can_be_features() {
        for (Object unchecked : List.of(41, Double.NaN, Double.POSITIVE_INFINITY, List.of("a"), Map.of())) {
            assertThrows(IllegalArgumentException.class, () -> new FeatureVector(Map.of("x", unchecked)),
                    () -> "for " + unchecked);
        }
    }
}
