package dev.mlledger.adapters.web.idempotency;

import dev.mlledger.domain.validation.InvalidInput;

/**
 * The syntax of the {@code Idempotency-Key} field: the IETF draft makes it a structured-field string
 * ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}, RFC 8941, with {@code \"} and {@code \\} escapes); most clients
 * send the bare text (Stripe's form). Both name the same key; the rules on the key's value are the domain's.
 */
final class IdempotencyKeyHeader {

    private IdempotencyKeyHeader() {
    }

    /** The key a field value names: the content of a quoted string, or the bare value. */
    static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder key = new StringBuilder(value.length() - 2);
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = ++i < value.length() - 1 ? value.charAt(i) : 0;
                if (next != '"' && next != '\\') {
                    throw new InvalidInput("", "must be a valid quoted string: a backslash escapes only \" and \\");
                }
                key.append(next);
            } else if (c == '"') {
                throw new InvalidInput("", "must be a valid quoted string: a \" inside it must be escaped");
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }
}
