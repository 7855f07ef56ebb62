package dev.mlledger.domain.experiment.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A condition made in code keeps the grammar's rules too: no comparison or operand a field does not take. */
class ConditionTest {

    private static final RunField LOSS = new RunField.Metric("loss");
    private static final RunField LR = new RunField.Param("lr");
    private static final RunField RUN_ID = new RunField.Attribute(RunAttribute.RUN_ID);
    private static final RunField STATUS = new RunField.Attribute(RunAttribute.STATUS);
    private static final RunField START = new RunField.Attribute(RunAttribute.START_TIME);

    @Test
    void each_field_takes_its_own_kind_of_operand() {
        assertDoesNotThrow(() -> new Condition(LOSS, Operator.LESS, new Operand.Number(1)));
        assertDoesNotThrow(() -> new Condition(START, Operator.LESS, new Operand.EpochMillis(1)));
        assertDoesNotThrow(() -> new Condition(LR, Operator.EQUAL, new Operand.Text("a")));
        assertDoesNotThrow(() -> new Condition(LR, Operator.ILIKE, new Operand.Pattern(LikePattern.of("a%"))));
        assertDoesNotThrow(() -> new Condition(RUN_ID, Operator.NOT_IN, new Operand.TextList(List.of("a"))));
    }

    @Test
    void a_comparison_the_field_does_not_take_cannot_be_made() {
        assertThrows(IllegalArgumentException.class,
                () -> new Condition(LOSS, Operator.LIKE, new Operand.Pattern(LikePattern.of("a"))));
        assertThrows(IllegalArgumentException.class, () -> new Condition(LR, Operator.LESS, new Operand.Text("a")));
        assertThrows(IllegalArgumentException.class,
                () -> new Condition(STATUS, Operator.IN, new Operand.TextList(List.of("a"))));
    }

    @Test
    void an_operand_of_another_kind_cannot_be_made_into_a_condition() {
        assertThrows(IllegalArgumentException.class, () -> new Condition(LOSS, Operator.LESS, new Operand.EpochMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new Condition(START, Operator.LESS, new Operand.Number(1)));
        assertThrows(IllegalArgumentException.class, () -> new Condition(LR, Operator.LIKE, new Operand.Text("a%")));
        assertThrows(IllegalArgumentException.class, () -> new Condition(RUN_ID, Operator.IN, new Operand.Text("a")));
    }

    @Test
    void numbers_must_be_finite_and_lists_must_not_be_empty() {
        assertThrows(IllegalArgumentException.class, () -> new Operand.Number(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Operand.Number(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Operand.TextList(List.of()));
    }
}
