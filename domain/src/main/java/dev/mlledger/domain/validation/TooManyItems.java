package dev.mlledger.domain.validation;

/** A request carries more items than one request may (a batch over its limit). */
public class TooManyItems extends RuntimeException {

    private final String field;
    private final int max;
    private final int actual;

    /** @param field the list, named as in {@link Violation}: {@code ""} for a list given as a whole */
    public TooManyItems(String field, int max, int actual) {
        super((field.isEmpty() ? "the list" : field) + " holds " + actual + " items; at most " + max
                + " are allowed per request");
        this.field = field;
        this.max = max;
        this.actual = actual;
    }

    /** The same excess seen from the owner of {@code name}. */
    public TooManyItems under(String name) {
        return new TooManyItems(new Violation(field, "").under(name).field(), max, actual);
    }

    public int actual() {
        return actual;
    }

    public String field() {
        return field;
    }

    public int max() {
        return max;
    }
}
