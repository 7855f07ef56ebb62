package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.MetricKey;

import java.util.Comparator;
import java.util.UUID;

/** The orders PostgreSQL sorts by, for the in-memory store to list things in the same order as the JDBC adapter. */
final class PostgresOrder {

    /**
     * PostgreSQL compares uuids byte by byte, that is as two unsigned longs; {@link UUID#compareTo} compares them
     * as signed longs, which puts every id with its top bit set first.
     */
    static final Comparator<UUID> UUIDS = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    /**
     * Text by Unicode code point: the order of PostgreSQL's C and C.UTF-8 collations (UTF-8 byte order), which
     * {@link String#compareTo} (UTF-16 units) departs from for characters beyond U+FFFF. A database created with a
     * linguistic collation (en_US.UTF-8) orders text differently again, even ASCII ("B" between "a" and "c").
     */
    static final Comparator<String> TEXT = PostgresOrder::compareCodePoints;

    /** A run's metric history: by name, then step. */
    static final Comparator<MetricKey> METRIC_KEYS = Comparator.comparing(MetricKey::name, TEXT)
            .thenComparingLong(MetricKey::step);

    private PostgresOrder() {
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
