package dev.mlledger.domain.prediction.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FeatureVectorEqualityTest {

    @Test
    void vectors_that_differ_in_a_value_or_a_feature_are_not_equal() {
        FeatureVector vector = new FeatureVector(Map.of("age", 41.0));

        assertNotEquals(vector, new FeatureVector(Map.of("age", 42.0)));
        assertNotEquals(vector, new FeatureVector(Map.of("tenure", 41.0)));
        assertNotEquals(vector, new FeatureVector(Map.of()));
        assertNotEquals(vector, Map.of("age", 41.0));
    }

    @Test
    void equal_vectors_have_equal_hash_codes_and_different_ones_usually_do_not() {
        assertEquals(new FeatureVector(Map.of("age", 41.0, "overtime", true)).hashCode(),
                new FeatureVector(Map.of("overtime", true, "age", 41.0)).hashCode());
        assertNotEquals(new FeatureVector(Map.of("age", 41.0)).hashCode(),
                new FeatureVector(Map.of("age", 42.0)).hashCode());
    }
}
