package dev.mlledger.domain.experiment.search;

import java.util.Set;

/** How a condition compares a run's field with its operand; which ones a field takes is the grammar's rule. */
public enum Operator {
    EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
    /** SQL's pattern match: {@code %} any run of characters, {@code _} one character, backslash escapes. */
    LIKE("LIKE"),
    /** {@link #LIKE} ignoring case. */
    ILIKE("ILIKE"),
    IN("IN"), NOT_IN("NOT IN");

    /** What metrics and times compare with. */
    static final Set<Operator> NUMERIC = Set.of(EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL);
    /** What params, tags and text attributes compare with. */
    static final Set<Operator> TEXT = Set.of(EQUAL, NOT_EQUAL, LIKE, ILIKE);

    private final String spelling;

    Operator(String spelling) {
        this.spelling = spelling;
    }

    /** As the grammar writes it: {@code <=}, {@code NOT IN}. */
    public String spelling() {
        return spelling;
    }
}
