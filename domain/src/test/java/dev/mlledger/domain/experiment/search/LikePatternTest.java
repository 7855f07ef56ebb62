package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LikePatternTest {

    @Test
    void percent_matches_any_run_of_characters_even_none() {
        LikePattern bert = LikePattern.of("bert%");

        assertTrue(bert.matches("bert"));
        assertTrue(bert.matches("bert-large"));
        assertFalse(bert.matches("roberta"));
        assertTrue(LikePattern.of("%bert%").matches("roberta"));
    }

    @Test
    void underscore_matches_exactly_one_character_even_outside_the_basic_plane() {
        LikePattern oneChar = LikePattern.of("a_c");

        assertTrue(oneChar.matches("abc"));
        assertTrue(oneChar.matches("a\uD83D\uDE00c"));
        assertFalse(oneChar.matches("ac"));
        assertFalse(oneChar.matches("abbc"));
    }

    @Test
    void the_whole_text_must_match_across_lines() {
        assertFalse(LikePattern.of("bert").matches("bert2"));
        assertTrue(LikePattern.of("a%b").matches("a\nb"));
    }

    @Test
    void a_backslash_makes_the_next_character_stand_for_itself() {
        LikePattern percent = LikePattern.of("100\\%");

        assertTrue(percent.matches("100%"));
        assertFalse(percent.matches("1000"));
        assertTrue(LikePattern.of("a\\_b").matches("a_b"));
        assertFalse(LikePattern.of("a\\_b").matches("axb"));
        assertTrue(LikePattern.of("a\\\\b").matches("a\\b"));
        assertTrue(LikePattern.of("\\a").matches("a"));
    }

    @Test
    void characters_special_to_regular_expressions_are_plain_characters() {
        assertTrue(LikePattern.of("a.b*(c)[d]$^\\E|+?{1}").matches("a.b*(c)[d]$^E|+?{1}"));
        assertFalse(LikePattern.of("a.b").matches("axb"));
    }

    @Test
    void like_matches_case_as_written_and_ilike_ignores_case() {
        LikePattern bert = LikePattern.of("BERT%");

        assertFalse(bert.matches("bert-base"));
        assertTrue(bert.matchesIgnoringCase("bert-base"));
        assertTrue(LikePattern.of("ÉTÉ").matchesIgnoringCase("été"));
    }

    @Test
    void a_pattern_ending_with_a_lone_backslash_is_invalid() {
        assertThrows(InvalidInput.class, () -> LikePattern.of("abc\\"));
        assertTrue(LikePattern.of("abc\\\\").matches("abc\\"));
    }

    @Test
    void patterns_are_equal_when_written_alike() {
        assertEquals(LikePattern.of("a%"), LikePattern.of("a%"));
        assertEquals(LikePattern.of("a%").hashCode(), LikePattern.of("a%").hashCode());
        assertNotEquals(LikePattern.of("a%"), LikePattern.of("a_"));
        assertEquals("a\\%", LikePattern.of("a\\%").text());
    }
}
