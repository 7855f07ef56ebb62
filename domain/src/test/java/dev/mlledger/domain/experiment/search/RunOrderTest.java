package dev.mlledger.domain.experiment.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunOrderTest {

    @Test
    void an_item_names_a_field_and_orders_ascending_unless_it_says_desc() {
        assertEquals(new RunOrder(new RunField.Metric("loss"), false), RunOrder.parse("metrics.loss DESC"));
        assertEquals(new RunOrder(new RunField.Param("lr"), true), RunOrder.parse("params.lr"));
        assertEquals(new RunOrder(new RunField.Attribute(RunAttribute.START_TIME), true),
                RunOrder.parse("attributes.start_time ASC"));
        assertEquals(new RunOrder(new RunField.Attribute(RunAttribute.RUN_NAME), true), RunOrder.parse("run_name"));
    }

    @Test
    void asc_and_desc_are_read_in_any_case_with_any_spacing() {
        assertEquals(new RunOrder(new RunField.Metric("loss"), false), RunOrder.parse("  metrics.loss   desc "));
        assertEquals(new RunOrder(new RunField.Metric("loss"), true), RunOrder.parse("metrics.loss Asc"));
    }

    @Test
    void quoted_keys_and_every_kind_of_field_may_be_ordered_by() {
        assertEquals(new RunOrder(new RunField.Metric("my key"), false), RunOrder.parse("metrics.`my key` DESC"));
        assertEquals(new RunOrder(new RunField.Tag("my key"), true), RunOrder.parse("tags.\"my key\""));
        assertEquals(new RunOrder(new RunField.Attribute(RunAttribute.END_TIME), false),
                RunOrder.parse("attribute.end_time DESC"));
        assertEquals(new RunOrder(new RunField.Attribute(RunAttribute.START_TIME), false),
                RunOrder.parse("created DESC"));
        assertEquals(new RunOrder(new RunField.Attribute(RunAttribute.STATUS), true), RunOrder.parse("status"));
        assertEquals(new RunOrder(new RunField.Attribute(RunAttribute.RUN_ID), true), RunOrder.parse("run.run_id"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "                          | 1  | expected a field",
            "metrics.loss DOWN         | 14 | expected ASC, DESC or the end, found 'DOWN'",
            "metrics.loss DESC extra   | 19 | expected the end after DESC, found 'extra'",
            "metrics.loss, params.lr   | 13 | expected ASC, DESC or the end, found ','",
            "metrics.loss < 1          | 14 | expected ASC, DESC or the end",
            "metricz.loss              | 1  | 'metricz' is not a kind of field",
            "attributes.artifact_uri   | 12 | artifact_uri cannot be searched",
            "loss DESC                 | 1  | 'loss' is not a run attribute",
            "metrics.`loss DESC        | 9  | not closed",
    })
    void a_malformed_item_is_refused_with_the_column_of_the_problem(String item, int column, String words) {
        InvalidSearchExpression error = assertThrows(InvalidSearchExpression.class,
                () -> RunOrder.parse(item == null ? "" : item));

        assertEquals(column, error.column(), error.getMessage());
        assertTrue(error.problem().contains(words), error.getMessage());
    }
}
