package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recursive-descent reader of MLflow's run search grammar (its {@code SearchUtils}), character by character so
 * that every error can name its column:
 *
 * <pre>
 * filter     = condition { AND condition }            AND, LIKE, ILIKE, IN, NOT, ASC, DESC in any case
 * condition  = field operator operand
 * field      = entity "." key | attribute              no space around the dot
 * entity     = name | "name" | `name`                  metric(s), param(s), parameter(s), tag(s),
 *                                                      attribute(s), attr, run
 * key        = name { "." name } | 'text' | "text" | `text`
 * attribute  = name | "text" | `text`                  run_id, run_name, user_id, status, start_time, end_time,
 *                                                      and MLflow's aliases created, "run name"
 * operator   = "=" | "!=" | "<" | "<=" | ">" | ">=" | LIKE | ILIKE | IN | NOT IN
 * operand    = number | 'text' | "text" | "(" text { "," text } ")"
 * order item = field [ ASC | DESC ]
 * </pre>
 *
 * A quote inside quoted text is written twice ({@code 'it''s'}).
 */
final class SearchParser {

    /** The most texts an IN list may hold. */
    static final int MAX_LIST_VALUES = 1000;

    private static final String FIELD_EXAMPLES = "a field such as metrics.loss, params.lr, tags.team or attributes.status";
    private static final String OPERATORS = "=, !=, <, <=, >, >=, LIKE, ILIKE, IN or NOT IN";
    private static final String ATTRIBUTES = "run_id, run_name, user_id, status, start_time or end_time";
    private static final List<String> SYMBOLS = List.of("!=", "<=", ">=", "<>", "==", "=", "<", ">");
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern UUID_WITH_DASHES = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_FOUND = 30;

    private enum Entity { METRIC, PARAM, TAG, ATTRIBUTE, DATASET }

    private static final Map<String, Entity> ENTITIES = Map.ofEntries(
            Map.entry("metric", Entity.METRIC), Map.entry("metrics", Entity.METRIC),
            Map.entry("param", Entity.PARAM), Map.entry("params", Entity.PARAM),
            Map.entry("parameter", Entity.PARAM), Map.entry("parameters", Entity.PARAM),
            Map.entry("tag", Entity.TAG), Map.entry("tags", Entity.TAG),
            Map.entry("attribute", Entity.ATTRIBUTE), Map.entry("attributes", Entity.ATTRIBUTE),
            Map.entry("attr", Entity.ATTRIBUTE), Map.entry("run", Entity.ATTRIBUTE),
            Map.entry("dataset", Entity.DATASET), Map.entry("datasets", Entity.DATASET));

    private static final Map<String, RunAttribute> ATTRIBUTE_NAMES = Map.ofEntries(
            Map.entry("run_id", RunAttribute.RUN_ID), Map.entry("run_name", RunAttribute.RUN_NAME),
            Map.entry("user_id", RunAttribute.USER_ID), Map.entry("status", RunAttribute.STATUS),
            Map.entry("start_time", RunAttribute.START_TIME), Map.entry("end_time", RunAttribute.END_TIME),
            // MLflow's aliases, as its UI's column headers read
            Map.entry("created", RunAttribute.START_TIME), Map.entry("Created", RunAttribute.START_TIME),
            Map.entry("run name", RunAttribute.RUN_NAME), Map.entry("Run name", RunAttribute.RUN_NAME),
            Map.entry("Run Name", RunAttribute.RUN_NAME));

    private final String text;
    private int at;

    SearchParser(String text) {
        this.text = text;
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            throw error(nul, "the NUL character is not allowed");
        }
    }

    RunFilter filter() {
        List<Condition> conditions = new ArrayList<>();
        skipSpace();
        if (atEnd()) {
            return RunFilter.ALL;
        }
        do {
            if (conditions.size() == RunFilter.MAX_CONDITIONS) {
                throw error(at, "a filter joins at most " + RunFilter.MAX_CONDITIONS + " conditions");
            }
            conditions.add(condition());
            skipSpace();
        } while (and());
        return new RunFilter(conditions);
    }

    RunOrder order() {
        skipSpace();
        RunField field = field();
        skipSpace();
        boolean ascending = true;
        if (!atEnd()) {
            int start = at;
            String word = isNameStart(peek()) ? name() : "";
            switch (word.toUpperCase(Locale.ROOT)) {
                case "ASC" -> ascending = true;
                case "DESC" -> ascending = false;
                default -> throw error(start, "expected ASC, DESC or the end, found " + found(start));
            }
            skipSpace();
            if (!atEnd()) {
                throw error(at, "expected the end after " + word + ", found " + found(at));
            }
        }
        return new RunOrder(field, ascending);
    }

    /** After a condition: true when AND follows (and a condition after it), false at the end. */
    private boolean and() {
        if (atEnd()) {
            return false;
        }
        int start = at;
        String word = isNameStart(peek()) ? name() : "";
        if (word.equalsIgnoreCase("AND")) {
            skipSpace();
            if (atEnd()) {
                throw error(at, "expected a condition after AND");
            }
            return true;
        }
        if (word.equalsIgnoreCase("OR")) {
            throw error(start, "OR is not supported: MLflow's grammar joins conditions with AND only");
        }
        throw error(start, "expected AND or the end of the filter, found " + found(start));
    }

    private Condition condition() {
        RunField field = field();
        skipSpace();
        int operatorAt = at;
        Operator operator = operator();
        String problem = Condition.problem(field, operator);
        if (problem != null) {
            throw error(operatorAt, problem);
        }
        skipSpace();
        return new Condition(field, operator, operand(field, operator));
    }

    private RunField field() {
        int start = at;
        if (atEnd()) {
            throw error(start, "expected " + FIELD_EXAMPLES);
        }
        char first = peek();
        String head;
        boolean quoted = first == '"' || first == '`';
        if (quoted) {
            head = quoted();
        } else if (isNameStart(first)) {
            head = name();
        } else {
            throw error(start, "expected " + FIELD_EXAMPLES + ", found " + found(start));
        }
        if (atEnd() || peek() != '.') {
            if (!quoted && isKeyword(head)) {
                throw error(start, "expected " + FIELD_EXAMPLES + ", found " + found(start));
            }
            return new RunField.Attribute(attribute(head, start));
        }
        Entity entity = ENTITIES.get(head);
        if (entity == null) {
            throw error(start, "'" + head + "' is not a kind of field: use metrics, params, tags or attributes");
        }
        if (entity == Entity.DATASET) {
            throw error(start, "mlledger keeps no datasets: use metrics, params, tags or attributes");
        }
        at++;
        int keyAt = at;
        String key = key();
        return switch (entity) {
            case METRIC -> new RunField.Metric(key);
            case PARAM -> new RunField.Param(key);
            case TAG -> new RunField.Tag(key);
            default -> new RunField.Attribute(attribute(key, keyAt));
        };
    }

    private String key() {
        int start = at;
        if (atEnd()) {
            throw error(start, "expected a name after the dot");
        }
        char first = peek();
        String key;
        if (first == '\'' || first == '"' || first == '`') {
            key = quoted();
        } else if (isNamePart(first)) {
            StringBuilder dotted = new StringBuilder(name());
            while (at + 1 < text.length() && peek() == '.' && isNamePart(text.charAt(at + 1))) {
                at++;
                dotted.append('.').append(name());
            }
            key = dotted.toString();
        } else {
            throw error(start, "expected a name after the dot, found " + found(start));
        }
        if (key.isEmpty()) {
            throw error(start, "a name must not be empty");
        }
        return key;
    }

    private RunAttribute attribute(String name, int start) {
        RunAttribute attribute = ATTRIBUTE_NAMES.get(name);
        if (attribute != null) {
            return attribute;
        }
        if (name.equals("artifact_uri")) {
            throw error(start, "artifact_uri cannot be searched: mlledger keeps no artifacts");
        }
        throw error(start, "'" + name + "' is not a run attribute: use " + ATTRIBUTES);
    }

    private Operator operator() {
        int start = at;
        if (atEnd()) {
            throw error(start, "expected a comparison (" + OPERATORS + ")");
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, at)) {
                return switch (symbol) {
                    case "=" -> advance(symbol, Operator.EQUAL);
                    case "!=" -> advance(symbol, Operator.NOT_EQUAL);
                    case "<" -> advance(symbol, Operator.LESS);
                    case "<=" -> advance(symbol, Operator.LESS_OR_EQUAL);
                    case ">" -> advance(symbol, Operator.GREATER);
                    case ">=" -> advance(symbol, Operator.GREATER_OR_EQUAL);
                    default -> throw error(start, "'" + symbol + "' is not a comparison: use " + OPERATORS);
                };
            }
        }
        String word = isNameStart(peek()) ? name() : "";
        switch (word.toUpperCase(Locale.ROOT)) {
            case "LIKE":
                return Operator.LIKE;
            case "ILIKE":
                return Operator.ILIKE;
            case "IN":
                return Operator.IN;
            case "NOT":
                skipSpace();
                int inAt = at;
                String next = !atEnd() && isNameStart(peek()) ? name() : "";
                if (next.equalsIgnoreCase("IN")) {
                    return Operator.NOT_IN;
                }
                throw error(inAt, "expected IN after NOT, found " + found(inAt));
            default:
                throw error(start, "expected a comparison (" + OPERATORS + "), found " + found(start));
        }
    }

    private Operator advance(String symbol, Operator operator) {
        at += symbol.length();
        return operator;
    }

    private Operand operand(RunField field, Operator operator) {
        Class<? extends Operand> kind = Condition.operandKind(field, operator);
        if (kind == Operand.Number.class) {
            return new Operand.Number(number(field));
        }
        if (kind == Operand.EpochMillis.class) {
            return new Operand.EpochMillis(epochMillis(field));
        }
        if (kind == Operand.TextList.class) {
            return new Operand.TextList(list(field));
        }
        int start = at;
        String value = text(field);
        if (kind == Operand.Pattern.class) {
            try {
                return new Operand.Pattern(LikePattern.of(value));
            } catch (InvalidInput invalid) {
                throw error(start, "a LIKE pattern " + invalid.violations().getFirst().message());
            }
        }
        return new Operand.Text(runIdSpelling(field, value));
    }

    private double number(RunField field) {
        int start = at;
        String number = numberText(field, "a number");
        double value = Double.parseDouble(number);
        if (!Double.isFinite(value)) {
            throw error(start, number + " is too large a number");
        }
        return value;
    }

    private long epochMillis(RunField field) {
        int start = at;
        String number = numberText(field, "whole milliseconds since the epoch");
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException notWhole) {
            throw error(start, Condition.describe(field) + " compares with whole milliseconds since the epoch, found "
                    + number);
        }
    }

    private String numberText(RunField field, String expected) {
        int start = at;
        Matcher matcher = NUMBER.matcher(text).region(at, text.length());
        if (!matcher.lookingAt() || matcher.end() < text.length() && isNamePart(text.charAt(matcher.end()))) {
            String quotedHint = !atEnd() && (peek() == '\'' || peek() == '"') ? " (not quoted)" : "";
            throw error(start, Condition.describe(field) + " compares with " + expected + quotedHint + ", found "
                    + found(start));
        }
        at = matcher.end();
        return matcher.group();
    }

    private List<String> list(RunField field) {
        int start = at;
        if (atEnd() || peek() != '(') {
            throw error(start, "expected a list of quoted texts in parentheses, such as ('a', 'b'), found " + found(start));
        }
        at++;
        skipSpace();
        if (!atEnd() && peek() == ')') {
            throw error(at, "the list must hold at least one text");
        }
        List<String> values = new ArrayList<>();
        while (true) {
            if (values.size() == MAX_LIST_VALUES) {
                throw error(at, "a list holds at most " + MAX_LIST_VALUES + " texts");
            }
            values.add(runIdSpelling(field, text(field)));
            skipSpace();
            if (!atEnd() && peek() == ',') {
                at++;
                skipSpace();
            } else if (!atEnd() && peek() == ')') {
                at++;
                return values;
            } else {
                throw error(at, "expected , or ) in the list, found " + found(at));
            }
        }
    }

    private String text(RunField field) {
        int start = at;
        if (atEnd() || (peek() != '\'' && peek() != '"')) {
            throw error(start, Condition.describe(field) + " compares with text in quotes, such as 'x', found "
                    + found(start));
        }
        return quoted();
    }

    /** A run id may be written as MLflow does (32 hex digits) or as a UUID with dashes; both name the same run. */
    private static String runIdSpelling(RunField field, String value) {
        if (field instanceof RunField.Attribute(RunAttribute attribute) && attribute == RunAttribute.RUN_ID
                && UUID_WITH_DASHES.matcher(value).matches()) {
            return value.replace("-", "").toLowerCase(Locale.ROOT);
        }
        return value;
    }

    /** Text between two of the quote character it starts with; the quote written twice stands for itself. */
    private String quoted() {
        int start = at;
        char quote = text.charAt(at++);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error(start, "the quoted text starting here is not closed");
            }
            char c = text.charAt(at++);
            if (c != quote) {
                value.append(c);
            } else if (!atEnd() && peek() == quote) {
                value.append(quote);
                at++;
            } else {
                return value.toString();
            }
        }
    }

    private String name() {
        int start = at;
        while (!atEnd() && isNamePart(peek())) {
            at++;
        }
        return text.substring(start, at);
    }

    private static boolean isKeyword(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "AND", "OR", "NOT", "IN", "LIKE", "ILIKE" -> true;
            default -> false;
        };
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            at++;
        }
    }

    private boolean atEnd() {
        return at >= text.length();
    }

    private char peek() {
        return text.charAt(at);
    }

    /** What stands at {@code index}, for an error: the rest of its word, in quotes, or "the end". */
    private String found(int index) {
        if (index >= text.length()) {
            return "the end";
        }
        int end = index;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - index < MAX_FOUND) {
            end++;
        }
        if (Character.isHighSurrogate(text.charAt(end - 1)) && end < text.length()) {
            end++;
        }
        return "'" + text.substring(index, end) + (end < text.length() && !Character.isWhitespace(text.charAt(end)) ? "…'" : "'");
    }

    private InvalidSearchExpression error(int index, String problem) {
        return new InvalidSearchExpression(text.codePointCount(0, Math.min(index, text.length())) + 1, problem);
    }
}
