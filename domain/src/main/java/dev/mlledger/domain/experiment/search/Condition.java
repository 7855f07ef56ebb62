package dev.mlledger.domain.experiment.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One condition of a run search, {@code metrics.loss < 0.5}. A run without the field (no such metric, param or tag,
 * or no end time yet) meets no condition on it, not even {@code !=}, as in MLflow.
 *
 * <p>Which operators a field takes is MLflow's rule: metrics and times {@code = != < <= > >=}; params, tags and
 * text attributes {@code = != LIKE ILIKE}; {@code IN} and {@code NOT IN} only the run id.
 */
public record Condition(RunField field, Operator operator, Operand operand) {

    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
        String problem = problem(field, operator);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!operandKind(field, operator).isInstance(operand)) {
            throw new IllegalArgumentException(operator.spelling() + " on " + describe(field) + " needs a "
                    + operandKind(field, operator).getSimpleName() + " operand");
        }
    }

    /** Whether the run meets the condition. */
    public boolean matches(FoundRun run) {
        return matches(run.value(field));
    }

    /**
     * Whether a run whose value of the field is {@code value} meets the condition: a missing value meets none;
     * numbers compare as PostgreSQL's {@code float8} ({@code -0.0 = 0.0}), times by their whole milliseconds
     * since the epoch (MLflow's int64 times), text exactly or as a {@link LikePattern}.
     */
    public boolean matches(SortValue value) {
        return switch (value) {
            case SortValue.Missing ignored -> false;
            case SortValue.Number(double number) when operand instanceof Operand.Number(double bound) ->
                    ordered(Double.compare(number + 0.0, bound + 0.0));
            case SortValue.Time(Instant time) when operand instanceof Operand.EpochMillis(long bound) ->
                    ordered(Long.compare(time.toEpochMilli(), bound));
            case SortValue.Text(String text) -> switch (operand) {
                case Operand.Text(String expected) -> (operator == Operator.EQUAL) == text.equals(expected);
                case Operand.Pattern(LikePattern pattern) ->
                        operator == Operator.LIKE ? pattern.matches(text) : pattern.matchesIgnoringCase(text);
                case Operand.TextList(List<String> values) -> (operator == Operator.IN) == values.contains(text);
                default -> throw mismatch(value);
            };
            default -> throw mismatch(value);
        };
    }

    private boolean ordered(int comparison) {
        return switch (operator) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            default -> throw new IllegalStateException(operator + " does not order");
        };
    }

    private IllegalArgumentException mismatch(SortValue value) {
        return new IllegalArgumentException(value + " is not a value of " + field);
    }

    /** Why {@code field} cannot be compared with {@code operator}, or null when it can. */
    static String problem(RunField field, Operator operator) {
        if (field.isNumeric()) {
            return Operator.NUMERIC.contains(operator) ? null
                    : operator.spelling() + " cannot compare " + describe(field) + ": use =, !=, <, <=, > or >=";
        }
        if (Operator.TEXT.contains(operator)) {
            return null;
        }
        if ((operator == Operator.IN || operator == Operator.NOT_IN)
                && field instanceof RunField.Attribute(RunAttribute attribute)) {
            return attribute == RunAttribute.RUN_ID ? null
                    : operator.spelling() + " compares only run_id with a list: use =, !=, LIKE or ILIKE";
        }
        return operator.spelling() + " cannot compare " + describe(field) + ": use =, !=, LIKE or ILIKE";
    }

    /** The kind of operand {@code field} and {@code operator} take. */
    static Class<? extends Operand> operandKind(RunField field, Operator operator) {
        if (field instanceof RunField.Metric) {
            return Operand.Number.class;
        }
        if (field.isNumeric()) {
            return Operand.EpochMillis.class;
        }
        return switch (operator) {
            case LIKE, ILIKE -> Operand.Pattern.class;
            case IN, NOT_IN -> Operand.TextList.class;
            default -> Operand.Text.class;
        };
    }

    /** The field as a sentence names it: "a metric", "start_time". */
    static String describe(RunField field) {
        return switch (field) {
            case RunField.Metric ignored -> "a metric";
            case RunField.Param ignored -> "a param";
            case RunField.Tag ignored -> "a tag";
            case RunField.Attribute(RunAttribute attribute) -> attribute.key();
        };
    }
}
