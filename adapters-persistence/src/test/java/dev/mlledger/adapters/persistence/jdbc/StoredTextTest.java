package dev.mlledger.adapters.persistence.jdbc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StoredTextTest {

    @Test
    void text_within_the_column_is_kept_as_it_is() {
        assertEquals("Mozilla/5.0", StoredText.fit("Mozilla/5.0", 11));
    }

    @Test
    void over_long_text_is_cut_to_the_column_size_in_characters_as_postgresql_counts_them() {
        String smiles = "\uD83D\uDE00".repeat(12);

        assertEquals("\uD83D\uDE00".repeat(10), StoredText.fit(smiles, 10));
        assertEquals("b".repeat(10), StoredText.fit("b".repeat(15), 10));
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String agent = "a".repeat(9) + "\uD83D\uDE00" + "tail";

        assertEquals("a".repeat(9) + "\uD83D\uDE00", StoredText.fit(agent, 10));
    }

    @Test
    void nul_characters_are_dropped_before_counting() {
        assertEquals("abc", StoredText.fit("a\u0000b\u0000c", 3));
        assertEquals("ab", StoredText.fit("\u0000a\u0000b\u0000c", 2));
    }

    @Test
    void null_stays_null() {
        assertNull(StoredText.fit(null, 5));
    }
}
