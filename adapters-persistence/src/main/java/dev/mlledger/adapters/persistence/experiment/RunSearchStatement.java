package dev.mlledger.adapters.persistence.experiment;

import dev.mlledger.adapters.persistence.jdbc.Columns;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.experiment.search.Condition;
import dev.mlledger.domain.experiment.search.Operand;
import dev.mlledger.domain.experiment.search.Operator;
import dev.mlledger.domain.experiment.search.RunAttribute;
import dev.mlledger.domain.experiment.search.RunField;
import dev.mlledger.domain.experiment.search.RunOrder;
import dev.mlledger.domain.experiment.search.RunPosition;
import dev.mlledger.domain.experiment.search.RunQuery;
import dev.mlledger.domain.experiment.search.SortValue;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.InvalidInput;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one SQL statement of a run search page, made from a {@link RunQuery}: its text is built only from fixed
 * fragments and aliases this class numbers itself, and every value that comes from the query (metric, param and
 * tag keys, numbers, text, patterns, times, ids, the page position) is a bind parameter, in {@link #parameters()}.
 *
 * <p>Each metric, param or tag the query names is one join on its table by (run, key): an inner join when a
 * condition tests it (a run without the field meets no condition on it), a left join when only the order uses it.
 * A metric is read from {@code latest_metrics}, whose index on (experiment, name, value) serves a condition and an
 * order on it. The order is the query's keys, missing values last in either direction, then start time newest
 * first, then id; the page position is the same order written as a chain of comparisons. Text sorts and compares
 * in the {@code "C"} collation (code-point order, as {@link RunQuery#order()} defines it).
 */
final class RunSearchStatement {

    private static final Pattern HEX_RUN_ID = Pattern.compile("[0-9a-f]{32}");
    /** Times outside what a run can hold (years 0001–9999) are clamped to its edges: same answers, no overflow. */
    private static final Instant BEFORE_ALL = Checks.EARLIEST_TIME;
    private static final Instant AFTER_ALL = Checks.LATEST_TIME.plus(1, ChronoUnit.MICROS);
    /** MLflow's spelling of each stored status, a fixed expression (the literals are the enums' names). */
    private static final String STATUS_TEXT = Arrays.stream(RunStatus.values())
            .map(status -> "WHEN '" + Columns.status(status) + "' THEN '" + RunAttribute.statusText(status) + "'")
            .collect(Collectors.joining(" ", "(CASE r.status ", " END)"));

    /** The column of the start time, read exactly (not through {@code java.sql.Timestamp}) for the position. */
    static final String START_COLUMN = "sort_start";

    private final String sql;
    private final List<Object> parameters;

    private RunSearchStatement(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
    }

    String sql() {
        return sql;
    }

    /**
     * The values of the statement's {@code ?}, in order: {@code String}, {@code Double}, {@code Long},
     * {@code Instant} (a {@code timestamptz}), {@code UUID}, or {@code String[]} of uuids (cast in the text).
     */
    List<Object> parameters() {
        return parameters;
    }

    /** The column of the value of the order's key {@code i}. */
    static String sortColumn(int i) {
        return "sort_" + i;
    }

    /** The page after {@code query.after()}, one run more than {@code maxResults} (to tell whether more follow). */
    static RunSearchStatement of(Collection<UUID> experimentIds, RunQuery query) {
        return new Builder(experimentIds, query).build();
    }

    private static final class Builder {

        private final String[] experimentIds;
        private final RunQuery query;
        private final Map<RunField, String> aliases = new LinkedHashMap<>();
        private final Map<RunField, Boolean> tested = new LinkedHashMap<>();
        private final List<Object> parameters = new ArrayList<>();

        Builder(Collection<UUID> experimentIds, RunQuery query) {
            this.experimentIds = experimentIds.stream().map(UUID::toString).toArray(String[]::new);
            this.query = query;
            for (Condition condition : query.filter().conditions()) {
                alias(condition.field());
                tested.put(condition.field(), true);
            }
            for (RunOrder order : query.orderBy()) {
                alias(order.field());
            }
        }

        private void alias(RunField field) {
            if (!(field instanceof RunField.Attribute)) {
                aliases.computeIfAbsent(field, ignored -> "f" + aliases.size());
            }
        }

        RunSearchStatement build() {
            StringBuilder sql = new StringBuilder("SELECT r.*");
            for (int i = 0; i < query.orderBy().size(); i++) {
                sql.append(", ").append(sortExpression(query.orderBy().get(i).field())).append(" AS ")
                        .append(sortColumn(i));
            }
            sql.append(", r.started_at AS ").append(START_COLUMN).append(" FROM runs r");
            aliases.forEach((field, alias) -> join(sql, field, alias));
            sql.append(" WHERE r.experiment_id = ANY(CAST(? AS uuid[]))");
            parameters.add(experimentIds);
            if (query.lifecycle() != null) {
                sql.append(" AND r.lifecycle = ?");
                parameters.add(Columns.status(query.lifecycle()));
            }
            for (Condition condition : query.filter().conditions()) {
                sql.append(" AND ");
                condition(sql, condition);
            }
            if (query.after() != null) {
                sql.append(" AND ");
                after(sql, query.after(), 0);
            }
            sql.append(" ORDER BY ");
            for (RunOrder order : query.orderBy()) {
                sql.append(sortExpression(order.field())).append(order.ascending() ? " ASC" : " DESC")
                        .append(" NULLS LAST, ");
            }
            sql.append("r.started_at DESC, r.id ASC LIMIT ?");
            parameters.add((long) query.maxResults() + 1);
            return new RunSearchStatement(sql.toString(), parameters);
        }

        private void join(StringBuilder sql, RunField field, String alias) {
            sql.append(tested.containsKey(field) ? " JOIN " : " LEFT JOIN ");
            switch (field) {
                case RunField.Metric(String key) -> {
                    sql.append("latest_metrics ").append(alias).append(" ON ").append(alias).append(".run_id = r.id AND ")
                            .append(alias).append(".name = ?");
                    parameters.add(key);
                    if (tested.containsKey(field)) {
                        // repeats the runs' condition on the metric's own column, for its index
                        sql.append(" AND ").append(alias).append(".experiment_id = ANY(CAST(? AS uuid[]))");
                        parameters.add(experimentIds);
                    }
                }
                case RunField.Param(String key) -> keyed(sql, "run_params", alias, key);
                case RunField.Tag(String key) -> keyed(sql, "run_tags", alias, key);
                case RunField.Attribute ignored -> throw new IllegalStateException("attributes need no join");
            }
        }

        private void keyed(StringBuilder sql, String table, String alias, String key) {
            sql.append(table).append(' ').append(alias).append(" ON ").append(alias).append(".run_id = r.id AND ")
                    .append(alias).append(".key = ?");
            parameters.add(key);
        }

        /** The field's value for conditions: the joined value, or the run's own column. */
        private String valueExpression(RunField field) {
            return switch (field) {
                case RunField.Attribute(RunAttribute attribute) -> switch (attribute) {
                    case RUN_ID -> "replace(CAST(r.id AS text), '-', '')";
                    case RUN_NAME -> "r.name";
                    case USER_ID -> "r.owner";
                    case STATUS -> STATUS_TEXT;
                    case START_TIME -> "r.started_at";
                    case END_TIME -> "r.ended_at";
                };
                default -> aliases.get(field) + ".value";
            };
        }

        /** The field's value as the order sorts it and the page position compares it. */
        private String sortExpression(RunField field) {
            if (field instanceof RunField.Attribute(RunAttribute attribute) && attribute == RunAttribute.RUN_ID) {
                return "r.id"; // uuids sort as their lowercase hex text does
            }
            String value = valueExpression(field);
            return field.isNumeric() ? value : value + " COLLATE \"C\"";
        }

        private void condition(StringBuilder sql, Condition condition) {
            RunField field = condition.field();
            if (field instanceof RunField.Attribute(RunAttribute attribute) && attribute == RunAttribute.RUN_ID
                    && !(condition.operand() instanceof Operand.Pattern)) {
                runIds(sql, condition);
                return;
            }
            String value = valueExpression(field);
            switch (condition.operand()) {
                case Operand.Number(double number) -> {
                    sql.append(value).append(' ').append(comparison(condition.operator())).append(" ?");
                    parameters.add(number);
                }
                case Operand.EpochMillis(long millis) -> times(sql, value, condition.operator(), millis);
                case Operand.Text(String text) -> {
                    sql.append(value).append(condition.operator() == Operator.EQUAL ? " = ?" : " <> ?");
                    parameters.add(text);
                }
                case Operand.Pattern(var pattern) -> {
                    sql.append(value).append(condition.operator() == Operator.LIKE ? " LIKE" : " ILIKE")
                            .append(" ? ESCAPE '\\'");
                    parameters.add(pattern.text());
                }
                case Operand.TextList ignored -> throw new IllegalStateException("only run ids are listed");
            }
        }

        /** run_id =, !=, IN, NOT IN on the uuid itself (its primary key), for the ids written as 32 lowercase hex. */
        private void runIds(StringBuilder sql, Condition condition) {
            List<String> texts = condition.operand() instanceof Operand.Text(String text) ? List.of(text)
                    : ((Operand.TextList) condition.operand()).values();
            String[] ids = texts.stream().filter(text -> HEX_RUN_ID.matcher(text).matches())
                    .map(RunSearchStatement::uuidOf).map(UUID::toString).toArray(String[]::new);
            boolean negated = condition.operator() == Operator.NOT_EQUAL || condition.operator() == Operator.NOT_IN;
            sql.append(negated ? "NOT (r.id = ANY(CAST(? AS uuid[])))" : "r.id = ANY(CAST(? AS uuid[]))");
            parameters.add(ids);
        }

        /**
         * A time compared with whole milliseconds, as ranges of the stored microseconds (so an index could serve it):
         * {@code ms(t) > v} is {@code t >= v + 1 ms}, {@code ms(t) = v} is {@code v <= t < v + 1 ms}.
         */
        private void times(StringBuilder sql, String column, Operator operator, long millis) {
            Instant from = millis(millis);
            Instant next = millis == Long.MAX_VALUE ? AFTER_ALL : millis(millis + 1);
            switch (operator) {
                case EQUAL -> range(sql, "(" + column + " >= ? AND " + column + " < ?)", from, next);
                case NOT_EQUAL -> range(sql, "(" + column + " < ? OR " + column + " >= ?)", from, next);
                case LESS -> range(sql, column + " < ?", from);
                case LESS_OR_EQUAL -> range(sql, column + " < ?", next);
                case GREATER -> range(sql, column + " >= ?", next);
                case GREATER_OR_EQUAL -> range(sql, column + " >= ?", from);
                default -> throw new IllegalStateException(operator + " does not compare times");
            }
        }

        private void range(StringBuilder sql, String text, Instant... bounds) {
            sql.append(text);
            parameters.addAll(List.of(bounds));
        }

        private static Instant millis(long millis) {
            Instant instant = Instant.ofEpochMilli(millis);
            return instant.isBefore(BEFORE_ALL) ? BEFORE_ALL : instant.isAfter(AFTER_ALL) ? AFTER_ALL : instant;
        }

        private static String comparison(Operator operator) {
            return switch (operator) {
                case EQUAL -> "=";
                case NOT_EQUAL -> "<>";
                case LESS -> "<";
                case LESS_OR_EQUAL -> "<=";
                case GREATER -> ">";
                case GREATER_OR_EQUAL -> ">=";
                default -> throw new IllegalStateException(operator + " does not order");
            };
        }

        /**
         * Strictly after the position in the full order: beyond it on key {@code i}, or level with it there and
         * after it on the following keys; then start time (newest first) and id.
         */
        private void after(StringBuilder sql, RunPosition position, int i) {
            if (i == query.orderBy().size()) {
                sql.append("(r.started_at < ? OR (r.started_at = ? AND r.id > ?))");
                parameters.add(position.startedAt());
                parameters.add(position.startedAt());
                parameters.add(position.runId());
                return;
            }
            RunOrder order = query.orderBy().get(i);
            String key = sortExpression(order.field());
            SortValue value = position.values().get(i);
            if (value instanceof SortValue.Missing) {
                // missing values come last: nothing is beyond one, and the level ones are the missing ones
                sql.append("(").append(key).append(" IS NULL AND ");
                after(sql, position, i + 1);
                sql.append(")");
                return;
            }
            Object bound = bound(order.field(), value);
            sql.append("((").append(key).append(order.ascending() ? " > ?" : " < ?").append(" OR ").append(key)
                    .append(" IS NULL) OR (").append(key).append(" = ? AND ");
            parameters.add(bound);
            parameters.add(bound);
            after(sql, position, i + 1);
            sql.append("))");
        }

        private static Object bound(RunField field, SortValue value) {
            return switch (value) {
                case SortValue.Number(double number) -> number;
                case SortValue.Time(Instant time) -> time;
                case SortValue.Text(String text) when field instanceof RunField.Attribute(RunAttribute attribute)
                        && attribute == RunAttribute.RUN_ID -> {
                    if (!HEX_RUN_ID.matcher(text).matches()) {
                        throw new InvalidInput("after", "is a position in another order");
                    }
                    yield uuidOf(text);
                }
                case SortValue.Text(String text) -> text;
                case SortValue.Missing ignored -> throw new IllegalStateException("a missing value binds nothing");
            };
        }
    }

    private static UUID uuidOf(String hex) {
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
