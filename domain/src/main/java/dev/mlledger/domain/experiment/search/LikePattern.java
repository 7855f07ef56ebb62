package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.InvalidInput;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern of SQL's {@code LIKE}, as PostgreSQL reads it (and so MLflow's SQL store on it): {@code %} matches any
 * run of characters, {@code _} exactly one, and a backslash makes the next character stand for itself
 * ({@code 100\%}). The whole text must match. Kept here so that every adapter matches alike.
 */
public final class LikePattern {

    private final String text;
    private final Pattern exact;
    private final Pattern ignoringCase;

    private LikePattern(String text) {
        this.text = text;
        String regex = regex(text);
        this.exact = Pattern.compile(regex, Pattern.DOTALL);
        this.ignoringCase = Pattern.compile(regex, Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** @throws InvalidInput when the pattern ends with a backslash that escapes nothing */
    public static LikePattern of(String text) {
        Objects.requireNonNull(text, "text");
        return new LikePattern(text);
    }

    /** The pattern as written, escapes included: what a SQL store binds with {@code ESCAPE '\'}. */
    public String text() {
        return text;
    }

    public boolean matches(String value) {
        return exact.matcher(value).matches();
    }

    /** {@code ILIKE}: letters match whatever their case. */
    public boolean matchesIgnoringCase(String value) {
        return ignoringCase.matcher(value).matches();
    }

    private static String regex(String text) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 == text.length()) {
                    throw new InvalidInput("", "must not end with a backslash, which escapes the next character");
                }
                literal.append(text.charAt(++i));
            } else if (c == '%' || c == '_') {
                flush(literal, regex);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(literal, regex);
        return regex.toString();
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LikePattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
