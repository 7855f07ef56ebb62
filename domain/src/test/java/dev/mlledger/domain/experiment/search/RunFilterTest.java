package dev.mlledger.domain.experiment.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class RunFilterTest {

    private static Condition only(String filter) {
        List<Condition> conditions = RunFilter.parse(filter).conditions();
        assertEquals(1, conditions.size(), filter);
        return conditions.getFirst();
    }

    private static Condition metric(String key, Operator operator, double value) {
        return new Condition(new RunField.Metric(key), operator, new Operand.Number(value));
    }

    private static Condition text(RunField field, Operator operator, String value) {
        return new Condition(field, operator, new Operand.Text(value));
    }

    private static Condition attribute(RunAttribute attribute, Operator operator, String value) {
        return text(new RunField.Attribute(attribute), operator, value);
    }

    @Test
    void no_filter_or_a_blank_one_selects_every_run() {
        assertSame(RunFilter.ALL, RunFilter.parse(null));
        assertSame(RunFilter.ALL, RunFilter.parse(""));
        assertSame(RunFilter.ALL, RunFilter.parse(" \t\n "));
    }

    @Test
    void a_metric_compares_with_a_number_by_each_of_the_six_comparisons() {
        assertEquals(metric("loss", Operator.LESS, 0.5), only("metrics.loss < 0.5"));
        assertEquals(metric("loss", Operator.LESS_OR_EQUAL, 0.5), only("metrics.loss <= 0.5"));
        assertEquals(metric("loss", Operator.GREATER, 0.5), only("metrics.loss > 0.5"));
        assertEquals(metric("loss", Operator.GREATER_OR_EQUAL, 0.5), only("metrics.loss >= 0.5"));
        assertEquals(metric("loss", Operator.EQUAL, 0.5), only("metrics.loss = 0.5"));
        assertEquals(metric("loss", Operator.NOT_EQUAL, 0.5), only("metrics.loss != 0.5"));
    }

    @Test
    void numbers_may_be_whole_negative_fractional_or_have_an_exponent() {
        assertEquals(metric("m", Operator.EQUAL, 3), only("metrics.m = 3"));
        assertEquals(metric("m", Operator.EQUAL, -2.5), only("metrics.m = -2.5"));
        assertEquals(metric("m", Operator.EQUAL, 0.25), only("metrics.m = .25"));
        assertEquals(metric("m", Operator.EQUAL, 1.0), only("metrics.m = 1."));
        assertEquals(metric("m", Operator.EQUAL, 1.5e-3), only("metrics.m = 1.5e-3"));
        assertEquals(metric("m", Operator.EQUAL, 2E10), only("metrics.m = 2E+10"));
    }

    @Test
    void spaces_around_the_comparison_are_optional() {
        assertEquals(metric("loss", Operator.LESS_OR_EQUAL, 0.5), only("metrics.loss<=0.5"));
        assertEquals(text(new RunField.Param("lr"), Operator.EQUAL, "0.01"), only("  params.lr='0.01'  "));
    }

    @Test
    void params_and_tags_compare_with_text_in_single_or_double_quotes() {
        assertEquals(text(new RunField.Param("lr"), Operator.EQUAL, "0.01"), only("params.lr = '0.01'"));
        assertEquals(text(new RunField.Param("lr"), Operator.EQUAL, "0.01"), only("params.lr = \"0.01\""));
        assertEquals(text(new RunField.Tag("team"), Operator.NOT_EQUAL, "x"), only("tags.team != 'x'"));
    }

    @Test
    void a_quote_written_twice_inside_quoted_text_stands_for_itself() {
        assertEquals(text(new RunField.Tag("note"), Operator.EQUAL, "it's"), only("tags.note = 'it''s'"));
        assertEquals(text(new RunField.Tag("note"), Operator.EQUAL, "say \"hi\""),
                only("tags.note = \"say \"\"hi\"\"\""));
        assertEquals(text(new RunField.Tag("note"), Operator.EQUAL, "a \"b\" c"), only("tags.note = 'a \"b\" c'"));
    }

    @Test
    void keys_with_spaces_or_other_characters_are_quoted_with_double_single_or_back_quotes() {
        RunField.Tag myKey = new RunField.Tag("my key");
        assertEquals(text(myKey, Operator.EQUAL, "v"), only("tags.\"my key\" = \"v\""));
        assertEquals(text(myKey, Operator.EQUAL, "v"), only("tags.`my key` = 'v'"));
        assertEquals(text(myKey, Operator.EQUAL, "v"), only("tags.'my key' = 'v'"));
        assertEquals(metric("error-rate (%)", Operator.LESS, 1), only("metrics.`error-rate (%)` < 1"));
        assertEquals(metric("2019-04-02 error", Operator.LESS, 1), only("metrics.\"2019-04-02 error\" < 1"));
    }

    @Test
    void an_unquoted_key_may_hold_dots_digits_and_underscores() {
        assertEquals(text(new RunField.Tag("mlflow.runName"), Operator.EQUAL, "x"), only("tags.mlflow.runName = 'x'"));
        assertEquals(metric("val_loss_2", Operator.LESS, 1), only("metrics.val_loss_2 < 1"));
        assertEquals(metric("épocas", Operator.LESS, 1), only("metrics.épocas < 1"));
    }

    @Test
    void the_kind_of_field_may_be_written_in_any_of_mlflows_spellings_and_in_back_quotes() {
        for (String metric : List.of("metric", "metrics", "`metrics`")) {
            assertEquals(metric("loss", Operator.LESS, 1), only(metric + ".loss < 1"), metric);
        }
        for (String param : List.of("param", "params", "parameter", "parameters", "`params`")) {
            assertEquals(text(new RunField.Param("lr"), Operator.EQUAL, "1"), only(param + ".lr = '1'"), param);
        }
        for (String tag : List.of("tag", "tags", "`tags`")) {
            assertEquals(text(new RunField.Tag("t"), Operator.EQUAL, "1"), only(tag + ".t = '1'"), tag);
        }
        for (String attribute : List.of("attribute", "attributes", "attr", "run", "`attributes`")) {
            assertEquals(attribute(RunAttribute.STATUS, Operator.EQUAL, "FINISHED"),
                    only(attribute + ".status = 'FINISHED'"), attribute);
        }
    }

    @Test
    void an_attribute_may_be_named_without_its_kind() {
        assertEquals(new Condition(new RunField.Attribute(RunAttribute.RUN_NAME), Operator.LIKE,
                new Operand.Pattern(LikePattern.of("bert%"))), only("run_name LIKE 'bert%'"));
        assertEquals(attribute(RunAttribute.STATUS, Operator.EQUAL, "RUNNING"), only("status = 'RUNNING'"));
    }

    @Test
    void text_attributes_compare_with_text_and_take_like_and_ilike() {
        RunField runName = new RunField.Attribute(RunAttribute.RUN_NAME);
        assertEquals(new Condition(runName, Operator.ILIKE, new Operand.Pattern(LikePattern.of("%BERT%"))),
                only("attributes.run_name ILIKE '%BERT%'"));
        assertEquals(attribute(RunAttribute.USER_ID, Operator.NOT_EQUAL, "ana"), only("attributes.user_id != 'ana'"));
        assertEquals(attribute(RunAttribute.RUN_NAME, Operator.EQUAL, "b"), only("attributes.run_name = 'b'"));
    }

    @Test
    void start_and_end_times_compare_with_milliseconds_since_the_epoch() {
        assertEquals(new Condition(new RunField.Attribute(RunAttribute.START_TIME), Operator.GREATER,
                new Operand.EpochMillis(1_700_000_000_000L)), only("attributes.start_time > 1700000000000"));
        assertEquals(new Condition(new RunField.Attribute(RunAttribute.END_TIME), Operator.LESS_OR_EQUAL,
                new Operand.EpochMillis(1_700_000_000_001L)), only("attributes.end_time <= 1700000000001"));
        assertEquals(new Condition(new RunField.Attribute(RunAttribute.START_TIME), Operator.GREATER,
                new Operand.EpochMillis(-5)), only("start_time > -5"));
    }

    @Test
    void mlflows_aliases_created_and_run_name_with_a_space_name_the_start_time_and_the_run_name() {
        RunField start = new RunField.Attribute(RunAttribute.START_TIME);
        assertEquals(start, only("created > 5").field());
        assertEquals(start, only("attributes.Created > 5").field());
        RunField runName = new RunField.Attribute(RunAttribute.RUN_NAME);
        assertEquals(runName, only("attributes.\"run name\" = 'x'").field());
        assertEquals(runName, only("`Run Name` = 'x'").field());
        assertEquals(runName, only("\"Run name\" = 'x'").field());
    }

    @Test
    void run_ids_are_listed_with_in_or_not_in() {
        RunField runId = new RunField.Attribute(RunAttribute.RUN_ID);
        String a = "0123456789abcdef0123456789abcdef";
        String b = "fedcba9876543210fedcba9876543210";
        assertEquals(new Condition(runId, Operator.IN, new Operand.TextList(List.of(a, b))),
                only("attributes.run_id IN ('" + a + "', \"" + b + "\")"));
        assertEquals(new Condition(runId, Operator.NOT_IN, new Operand.TextList(List.of(a))),
                only("run_id not  in('" + a + "')"));
    }

    @Test
    void a_run_id_written_as_a_uuid_with_dashes_is_read_as_mlflows_32_hex_digits() {
        RunField runId = new RunField.Attribute(RunAttribute.RUN_ID);
        String dashed = "0192F4A1-7C2B-7D3E-8F40-0123456789AB";
        String hex = "0192f4a17c2b7d3e8f400123456789ab";
        assertEquals(text(runId, Operator.EQUAL, hex), only("attributes.run_id = '" + dashed + "'"));
        assertEquals(new Condition(runId, Operator.IN, new Operand.TextList(List.of(hex, hex))),
                only("run_id IN ('" + dashed + "', '" + hex + "')"));
    }

    @Test
    void conditions_are_joined_by_and_in_any_case_and_kept_in_order() {
        RunFilter filter = RunFilter.parse(
                "metrics.loss < 0.5 AND params.lr = '0.01' and tags.team != 'x' aNd attributes.status = 'FINISHED'");

        assertEquals(List.of(
                metric("loss", Operator.LESS, 0.5),
                text(new RunField.Param("lr"), Operator.EQUAL, "0.01"),
                text(new RunField.Tag("team"), Operator.NOT_EQUAL, "x"),
                attribute(RunAttribute.STATUS, Operator.EQUAL, "FINISHED")), filter.conditions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"like", "Like", "LIKE"})
    void comparison_keywords_are_read_in_any_case(String like) {
        assertEquals(Operator.LIKE, only("params.model " + like + " 'cnn%'").operator());
        assertEquals(Operator.ILIKE, only("params.model " + like.replace("l", "il").replace("L", "IL") + " 'c'")
                .operator());
    }

    @Test
    void the_same_text_is_the_same_filter() {
        assertEquals(RunFilter.parse("metrics.a < 1 and params.b LIKE 'x%'"),
                RunFilter.parse("metrics.a<1 AND params.b like \"x%\""));
    }

    @Test
    void a_filter_joins_up_to_fifty_conditions() {
        String fifty = String.join(" AND ", java.util.Collections.nCopies(RunFilter.MAX_CONDITIONS, "metrics.a < 1"));

        assertEquals(RunFilter.MAX_CONDITIONS, RunFilter.parse(fifty).conditions().size());
    }
}
