package dev.mlledger.domain.validation;

/** A request carries more items than one request may (a batch over its limit). */
public class TooManyItems extends RuntimeException {

    private final String field;
    private final int max;

    public TooManyItems(String field, int max, int actual) {
        super(field + " holds " + actual + " items; at most " + max + " are allowed per request");
        this.field = field;
        this.max = max;
    }

    public String field() {
        return field;
    }

    public int max() {
        return max;
    }
}
