package dev.mlledger.adapters.persistence.jdbc;

/**
 * Text as PostgreSQL can keep it: no NUL character (which it cannot store), and at most a {@code varchar(n)}
 * column's n characters, counted and cut as PostgreSQL counts them, in code points, so a cut never splits a
 * surrogate pair.
 */
public final class StoredText {

    private StoredText() {
    }

    /** {@code text} without NULs, cut to {@code maxCharacters}; null stays null. */
    public static String fit(String text, int maxCharacters) {
        if (text == null) {
            return null;
        }
        String withoutNul = text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
        if (withoutNul.length() <= maxCharacters) {
            return withoutNul;
        }
        if (withoutNul.codePointCount(0, withoutNul.length()) <= maxCharacters) {
            return withoutNul;
        }
        return withoutNul.substring(0, withoutNul.offsetByCodePoints(0, maxCharacters));
    }
}
