package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every refusal names the column (from 1) where the offending token starts, and says what was expected. */
class RunFilterErrorsTest {

    private static InvalidSearchExpression refused(String filter) {
        return assertThrows(InvalidSearchExpression.class, () -> RunFilter.parse(filter), filter);
    }

    private static void assertRefusedAt(int column, String expectedWords, String filter) {
        InvalidSearchExpression error = refused(filter);
        assertEquals(column, error.column(), () -> filter + " → " + error.getMessage());
        assertTrue(error.problem().contains(expectedWords), () -> filter + " → " + error.getMessage());
        assertEquals(List.of(new Violation("", "at column " + column + ": " + error.problem())), error.violations());
    }

    @Test
    void or_is_refused_as_in_mlflow_where_it_stands() {
        assertRefusedAt(20, "OR is not supported", "metrics.loss < 0.5 OR metrics.loss > 2");
        assertRefusedAt(20, "OR is not supported", "metrics.loss < 0.5 or params.a = 'b'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "metrics.loss LIKE 'a%'     | 14 | LIKE cannot compare a metric",
            "metrics.loss IN ('a')      | 14 | IN cannot compare a metric",
            "params.lr < '0.1'          | 11 | < cannot compare a param",
            "tags.team >= 'a'           | 11 | >= cannot compare a tag",
            "params.lr IN ('a')         | 11 | IN cannot compare a param",
            "tags.t NOT IN ('a')        | 8  | NOT IN cannot compare a tag",
            "attributes.status < 'a'    | 19 | < cannot compare status",
            "attributes.status IN ('a') | 19 | IN compares only run_id with a list",
            "run_name NOT IN ('a')      | 10 | NOT IN compares only run_id",
            "start_time LIKE '1%'       | 12 | LIKE cannot compare start_time",
            "attributes.end_time IN (1) | 21 | IN cannot compare end_time",
    })
    void a_comparison_the_field_does_not_take_is_refused_at_the_comparison(String filter, int column, String words) {
        assertRefusedAt(column, words, filter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "metrics.loss < '0.5'           | 16 | a metric compares with a number (not quoted)",
            "metrics.loss < abc             | 16 | a metric compares with a number, found 'abc'",
            "metrics.loss < 0.5abc          | 16 | a metric compares with a number, found '0.5abc'",
            "metrics.loss < 1e999           | 16 | too large a number",
            "metrics.loss <                 | 15 | found the end",
            "params.lr = 0.01               | 13 | a param compares with text in quotes",
            "tags.t = abc                   | 10 | a tag compares with text in quotes",
            "params.lr = `x`                | 13 | a param compares with text in quotes",
            "attributes.start_time > '1'    | 25 | start_time compares with whole milliseconds",
            "attributes.start_time > 1.5    | 25 | start_time compares with whole milliseconds since the epoch, found 1.5",
            "attributes.end_time > 99999999999999999999 | 23 | found 99999999999999999999",
            "run_id IN 'a'                  | 11 | expected a list of quoted texts in parentheses",
            "run_id IN ()                   | 12 | at least one text",
            "run_id IN ('a' 'b')            | 16 | expected , or ) in the list",
            "run_id IN ('a',)               | 16 | run_id compares with text in quotes",
            "run_id IN ('a', 1)             | 17 | run_id compares with text in quotes",
            "run_id IN ('a'                 | 15 | expected , or ) in the list, found the end",
    })
    void an_operand_of_the_wrong_kind_is_refused_where_it_starts(String filter, int column, String words) {
        assertRefusedAt(column, words, filter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "metricz.loss < 1             | 1  | 'metricz' is not a kind of field",
            "METRICS.loss < 1             | 1  | 'METRICS' is not a kind of field",
            "datasets.name = 'a'          | 1  | mlledger keeps no datasets",
            "attributes.artifact_uri = 'a'| 12 | artifact_uri cannot be searched",
            "attributes.lifecycle = 'a'   | 12 | 'lifecycle' is not a run attribute",
            "loss < 1                     | 1  | 'loss' is not a run attribute",
            "metrics. < 1                 | 9  | expected a name after the dot",
            "metrics.                     | 9  | expected a name after the dot",
            "metrics.\"\" < 1             | 9  | a name must not be empty",
            "< 1                          | 1  | expected a field such as metrics.loss",
            "'loss' < 1                   | 1  | expected a field such as metrics.loss",
            "and metrics.a < 1            | 1  | expected a field such as metrics.loss, params.lr, tags.team or attributes.status, found 'and'",
            "(metrics.a < 1)              | 1  | expected a field",
    })
    void an_unknown_or_malformed_field_is_refused_where_it_starts(String filter, int column, String words) {
        assertRefusedAt(column, words, filter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "metrics.loss                 | 13 | expected a comparison (=, !=, <, <=, >, >=, LIKE, ILIKE, IN or NOT IN)",
            "metrics.loss == 1            | 14 | '==' is not a comparison",
            "metrics.loss <> 1            | 14 | '<>' is not a comparison",
            "metrics.loss ~ 1             | 14 | found '~'",
            "params.a BETWEEN 'a'         | 10 | found 'BETWEEN'",
            "run_id NOT ('a')             | 12 | expected IN after NOT",
            "params.a NOT LIKE 'x'        | 14 | expected IN after NOT, found 'LIKE'",
    })
    void an_unknown_comparison_is_refused_where_it_starts(String filter, int column, String words) {
        assertRefusedAt(column, words, filter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "metrics.a < 1 AND                   | 18 | expected a condition after AND",
            "metrics.a < 1 metrics.b < 2         | 15 | expected AND or the end of the filter, found 'metrics.b'",
            "metrics.a < 1; DROP TABLE runs      | 14 | expected AND or the end of the filter, found ';'",
            "metrics.a < 1 && metrics.b < 2      | 15 | expected AND or the end of the filter, found '&&'",
            "metrics.a < 1 AND AND metrics.b < 2 | 19 | expected a field",
    })
    void anything_but_and_or_the_end_after_a_condition_is_refused(String filter, int column, String words) {
        assertRefusedAt(column, words, filter);
    }

    @Test
    void a_semicolon_ends_nothing_and_is_refused_where_it_stands() {
        assertRefusedAt(15, "expected AND or the end of the filter, found ';'", "params.a = 'x'; DROP TABLE runs");
    }

    @Test
    void unclosed_quoted_text_is_refused_where_its_quote_opens() {
        assertRefusedAt(13, "the quoted text starting here is not closed", "params.lr = '0.01");
        assertRefusedAt(8, "the quoted text starting here is not closed", "params.\"lr = '0.01'");
        assertRefusedAt(13, "not closed", "params.lr = 'it''s");
    }

    @Test
    void a_like_pattern_ending_with_a_lone_backslash_is_refused_at_the_pattern() {
        assertRefusedAt(15, "a LIKE pattern must not end with a backslash", "params.a LIKE 'x\\'");
    }

    @Test
    void the_nul_character_is_refused_where_it_stands() {
        assertRefusedAt(14, "NUL", "params.a = 'x\u0000'");
    }

    @Test
    void columns_count_characters_not_utf16_units() {
        // the emoji is one character (two UTF-16 units): OR starts at character 14
        assertRefusedAt(14, "OR is not supported", "tags.t = '\uD83D\uDE00' OR tags.t = 'b'");
    }

    @Test
    void columns_count_across_lines_too() {
        assertRefusedAt(16, "OR is not supported", "metrics.a < 1\n\nOR metrics.b < 2");
    }

    @Test
    void a_long_offending_word_is_cut_in_the_message() {
        String longWord = "x".repeat(200);
        InvalidSearchExpression error = refused("metrics.a < 1 " + longWord);

        assertTrue(error.problem().endsWith("found '" + "x".repeat(30) + "…'"), error.problem());
    }

    @Test
    void a_filter_of_more_than_fifty_conditions_is_refused_at_the_fifty_first() {
        String fiftyOne = String.join(" AND ", Collections.nCopies(RunFilter.MAX_CONDITIONS + 1, "metrics.a < 1"));
        int column = RunFilter.MAX_CONDITIONS * "metrics.a < 1 AND ".length() + 1;

        assertRefusedAt(column, "at most 50 conditions", fiftyOne);
    }

    @Test
    void an_in_list_of_more_than_a_thousand_run_ids_is_refused() {
        String ids = String.join(",", Collections.nCopies(SearchParser.MAX_LIST_VALUES + 1, "'a'"));
        int column = "run_id IN (".length() + SearchParser.MAX_LIST_VALUES * 4 + 1;

        assertRefusedAt(column, "at most 1000 texts", "run_id IN (" + ids + ")");
    }
}
