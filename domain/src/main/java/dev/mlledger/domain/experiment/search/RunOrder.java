package dev.mlledger.domain.experiment.search;

import java.util.Objects;

/**
 * One key of a run search's order, {@code metrics.loss DESC}. Runs without a value for it come last whichever the
 * direction, and a metric's NaN comes after every number but before runs without the metric, as in MLflow.
 */
public record RunOrder(RunField field, boolean ascending) {

    public RunOrder {
        Objects.requireNonNull(field, "field");
    }

    /**
     * Reads one {@code order_by} item in MLflow's grammar: a field, then {@code ASC} (the default) or {@code DESC}.
     *
     * @throws InvalidSearchExpression naming the column of the first thing it cannot accept
     */
    public static RunOrder parse(String text) {
        return new SearchParser(Objects.requireNonNull(text, "text")).order();
    }
}
