package dev.mlledger.domain.paging;

import java.util.Comparator;
import java.util.UUID;

/**
 * The orders lists are sorted in, whatever the store: ids and text as PostgreSQL compares {@code uuid}s and text
 * in the {@code "C"} collation, so that a store that keeps its data elsewhere lists things in the same order.
 */
public final class Orders {

    /**
     * Ids byte by byte, that is as two unsigned longs; {@link UUID#compareTo} compares them as signed longs, which
     * puts every id with its top bit set first.
     */
    public static final Comparator<UUID> IDS = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    /**
     * Text by Unicode code point: the order of PostgreSQL's C and C.UTF-8 collations (UTF-8 byte order), which
     * {@link String#compareTo} (UTF-16 units) departs from for characters beyond U+FFFF.
     */
    public static final Comparator<String> TEXT = Orders::compareCodePoints;

    private Orders() {
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
