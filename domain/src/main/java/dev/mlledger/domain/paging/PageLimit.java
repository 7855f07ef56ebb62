package dev.mlledger.domain.paging;

import dev.mlledger.domain.validation.InvalidInput;

/** How many items a client asked for on one page, within what the list allows. */
public record PageLimit(int value) {

    public static PageLimit of(Integer requested, int defaultValue, int max) {
        int value = requested == null ? defaultValue : requested;
        if (value < 1 || value > max) {
            throw new InvalidInput("", "must be between 1 and " + max);
        }
        return new PageLimit(value);
    }
}
