package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.InvalidInput;

/**
 * A filter or an ordering of a run search that the grammar does not accept, and where: the column (1 for the
 * first character) of the offending token. Its one violation reads "at column 9: …".
 */
public class InvalidSearchExpression extends InvalidInput {

    private final int column;
    private final String problem;

    public InvalidSearchExpression(int column, String problem) {
        super("", "at column " + column + ": " + problem);
        if (column < 1) {
            throw new IllegalArgumentException("a column counts from 1");
        }
        this.column = column;
        this.problem = problem;
    }

    /** Where the offending token starts, counting characters from 1. */
    public int column() {
        return column;
    }

    /** What is wrong there, without the position. */
    public String problem() {
        return problem;
    }
}
