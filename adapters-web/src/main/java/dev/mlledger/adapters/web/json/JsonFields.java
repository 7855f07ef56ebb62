package dev.mlledger.adapters.web.json;

import dev.mlledger.adapters.web.paging.QueryValues;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict access to the members of one JSON object. Each wrong member adds a {@link Violation} named by
 * its path ({@code items[3].employee_id}) and reads as null, so a request reports all of its problems at once.
 */
public final class JsonFields {

    private final JsonNode object;
    private final String prefix;
    private final List<Violation> violations;

    public JsonFields(JsonNode object, String prefix, List<Violation> violations) {
        this.object = object;
        this.prefix = prefix;
        this.violations = violations;
    }

    public String string(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            fail(name, "must be a string");
            return null;
        }
        return value.getStringValue();
    }

    public Double number(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            fail(name, "must be a number");
            return null;
        }
        double number = value.getNumberValue().doubleValue();
        if (!Double.isFinite(number)) {
            fail(name, "must be a finite number");
            return null;
        }
        return number;
    }

    /** A whole number ({@code 3}, also {@code 3.0}); a fraction or a value beyond a long is a violation. */
    public Long wholeNumber(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            fail(name, "must be an integer");
            return null;
        }
        Number number = value.getNumberValue();
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof java.math.BigInteger big) {
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            fail(name, "is out of range");
            return null;
        }
        double asDouble = number.doubleValue();
        if (!Double.isFinite(asDouble) || asDouble != Math.rint(asDouble)) {
            fail(name, "must be an integer");
            return null;
        }
        if (Math.abs(asDouble) >= 0x1p63) {
            fail(name, "is out of range");
            return null;
        }
        return (long) asDouble;
    }

    /** A whole number within int range. */
    public Integer integer(String name) {
        Long whole = wholeNumber(name);
        if (whole == null) {
            return null;
        }
        if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
            fail(name, "must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            return null;
        }
        return whole.intValue();
    }

    /** An ISO-8601 date-time with an offset ({@code 2026-11-21T10:15:30Z}) in years 1 to 9999. */
    public Instant instant(String name) {
        String text = string(name);
        return text == null ? null : QueryValues.storableInstant(violations, path(name), text);
    }

    public JsonNode object(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            fail(name, "must be a JSON object");
            return null;
        }
        return value;
    }

    public List<JsonNode> array(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            fail(name, "must be an array");
            return null;
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.values().forEach(items::add);
        return items;
    }

    /** Members the endpoint does not know are mistakes (a misspelt optional field would be silently lost). */
    public void rejectOthers(Set<String> known) {
        for (Map.Entry<String, JsonNode> member : object.entries()) {
            if (!known.contains(member.getKey())) {
                fail(member.getKey(), "is not a known field");
            }
        }
    }

    /** Reports a required member that is absent or null (a member of the wrong type is reported already). */
    public void require(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            fail(name, "is required");
        }
    }

    public String path(String name) {
        return prefix + name;
    }

    private JsonNode present(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private void fail(String name, String message) {
        violations.add(new Violation(path(name), message));
    }
}
