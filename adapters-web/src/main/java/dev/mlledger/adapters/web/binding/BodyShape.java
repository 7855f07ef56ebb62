package dev.mlledger.adapters.web.binding;

import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import dev.mlledger.adapters.web.error.JsonPaths;
import dev.mlledger.adapters.web.error.ValueExpectations;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON body against the {@code @Serdeable} request record it is about to be bound to, and names every
 * problem by its JSON path ({@code items[3].employee_id}): members the record does not have, and values of the
 * wrong JSON type. Serde itself converts leniently ({@code 1001} into the string "1001", {@code 3.5} into the long
 * 3) and stops at the first problem; this check is what makes binding strict and complete. Limits and rules on the
 * values are not checked here: they belong to the domain.
 */
final class BodyShape {

    private static final Map<Class<?>, Map<String, BeanProperty<?, ?>>> MEMBERS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Optional<BeanIntrospection<?>>> RECORDS = new ConcurrentHashMap<>();

    private BodyShape() {
    }

    /**
     * Adds every problem of {@code body} as a {@code type}; the body as a whole is named "body".
     *
     * @return whether the body is a JSON object whose text a store can keep (no NUL, no half surrogate pair)
     */
    static boolean check(JsonNode body, Argument<?> type, List<Violation> violations) {
        if (!body.isObject()) {
            violations.add(new Violation("body", "must be a JSON object"));
            return false;
        }
        value(body, type, Where.BODY, violations);
        return storable(body, violations);
    }

    /**
     * Adds a problem for each string (member name or value) a store cannot keep, for a route that takes any shape.
     *
     * @return whether the body is a JSON object whose text a store can keep
     */
    static boolean storable(JsonNode body, List<Violation> violations) {
        if (!body.isObject()) {
            violations.add(new Violation("body", "must be a JSON object"));
            return false;
        }
        int before = violations.size();
        unstorable(body, Where.BODY, violations);
        return violations.size() == before;
    }

    @SuppressWarnings("unchecked")
    private static void value(JsonNode node, Argument<?> type, Where where, List<Violation> violations) {
        if (node == null || node.isNull()) {
            return;   // presence is checked by the record's constraints
        }
        Class<?> java = type.getType();
        String problem;
        if (java == String.class) {
            problem = node.isString() ? null : "must be a string";
        } else if (java == Double.class || java == double.class) {
            problem = !node.isNumber() ? "must be a number"
                    : Double.isFinite(node.getNumberValue().doubleValue()) ? null : "must be a finite number";
        } else if (java == Long.class || java == long.class) {
            problem = wholeNumber(node, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (java == Integer.class || java == int.class) {
            problem = wholeNumber(node, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (java == Boolean.class || java == boolean.class) {
            problem = node.isBoolean() ? null : "must be true or false";
        } else if (java == OffsetDateTime.class) {
            problem = node.isString() && parses(node.getStringValue()) ? null : ValueExpectations.DATE_TIME;
        } else if (List.class.isAssignableFrom(java)) {
            problem = node.isArray() ? null : "must be an array";
            if (problem == null) {
                Argument<?> itemType = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
                boolean records = introspection(itemType.getType()).isPresent();
                int index = 0;
                for (JsonNode item : node.values()) {
                    Where itemWhere = where.item(index++);
                    if (records && item.isNull()) {
                        violations.add(new Violation(itemWhere.spelled(), "must be a JSON object"));
                    } else {
                        value(item, itemType, itemWhere, violations);
                    }
                }
            }
        } else if (Map.class.isAssignableFrom(java)) {
            problem = node.isObject() ? null : "must be a JSON object";
        } else {
            Optional<BeanIntrospection<Object>> record = introspection(java);
            problem = record.isPresent() && !node.isObject() ? "must be a JSON object" : null;
            if (record.isPresent() && node.isObject()) {
                members(node, record.get(), where, violations);
            }
        }
        if (problem != null) {
            violations.add(new Violation(where.named(), problem));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<BeanIntrospection<Object>> introspection(Class<?> type) {
        return (Optional) RECORDS.computeIfAbsent(type, t -> (Optional) BeanIntrospector.SHARED.findIntrospection(t));
    }

    private static void members(JsonNode object, BeanIntrospection<Object> record, Where where,
                                List<Violation> violations) {
        Map<String, BeanProperty<?, ?>> byName = MEMBERS.computeIfAbsent(record.getBeanType(), type -> {
            Map<String, BeanProperty<?, ?>> names = new HashMap<>();
            for (BeanProperty<Object, Object> property : record.getBeanProperties()) {
                names.put(JsonPaths.NAMING.translate(property), property);
            }
            return names;
        });
        for (Map.Entry<String, JsonNode> member : object.entries()) {
            BeanProperty<?, ?> property = byName.get(member.getKey());
            if (property == null) {
                violations.add(new Violation(where.member(member.getKey()).spelled(), "is not a known field"));
            } else {
                value(member.getValue(), property.asArgument(), where.member(member.getKey()), violations);
            }
        }
    }

    /** A whole number ({@code 3}, also {@code 3.0}) within [min, max]. */
    private static String wholeNumber(JsonNode node, long min, long max) {
        if (!node.isNumber()) {
            return "must be an integer";
        }
        Number number = node.getNumberValue();
        BigInteger whole;
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            whole = BigInteger.valueOf(number.longValue());
        } else if (number instanceof BigInteger big) {
            whole = big;
        } else {
            double value = number.doubleValue();
            if (!Double.isFinite(value) || value != Math.rint(value)) {
                return "must be an integer";
            }
            if (Math.abs(value) >= 0x1p63) {
                return "is out of range";
            }
            whole = BigInteger.valueOf((long) value);
        }
        if (whole.bitLength() >= 64) {
            return "is out of range";
        }
        long value = whole.longValue();
        return value < min || value > max ? "must be between " + min + " and " + max : null;
    }

    private static boolean parses(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Strings (values and member names) that are no text a store can keep: with the NUL character, or with half
     * of a surrogate pair ({@code "\ud800"}), which is no Unicode character.
     */
    private static void unstorable(JsonNode node, Where where, List<Violation> violations) {
        if (node.isString()) {
            text(node.getStringValue(), where, violations);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.entries()) {
                text(member.getKey(), where, violations);
                unstorable(member.getValue(), where.member(member.getKey()), violations);
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode item : node.values()) {
                unstorable(item, where.item(index++), violations);
            }
        }
    }

    private static void text(String text, Where where, List<Violation> violations) {
        if (text.indexOf('\u0000') >= 0) {
            violations.add(new Violation(where.named(), "must not contain the NUL character (\\u0000)"));
        } else if (hasLoneSurrogate(text)) {
            violations.add(new Violation(where.named(), "must not contain half of a surrogate pair (\\ud800 to \\udfff)"));
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a value sits in the body ({@code items[3].employee_id}), spelled only when a problem is found there: a
     * body of a thousand metric points has some ten thousand places, and nearly always no problem.
     */
    private record Where(Where parent, String member, int index) {

        static final Where BODY = new Where(null, null, -1);

        Where member(String name) {
            return new Where(this, name, -1);
        }

        Where item(int i) {
            return new Where(this, null, i);
        }

        /** The JSON path; {@code ""} for the body itself. */
        String spelled() {
            if (parent == null) {
                return "";
            }
            String above = parent.spelled();
            if (member == null) {
                return above + "[" + index + "]";
            }
            return above.isEmpty() ? member : above + "." + member;
        }

        /** The JSON path, or "body" for the body itself. */
        String named() {
            String spelled = spelled();
            return spelled.isEmpty() ? "body" : spelled;
        }
    }
}
