package dev.mlledger.domain.experiment.search;

import java.util.List;

/** Which runs a search selects: those meeting every condition (MLflow's filters join conditions with AND only). */
public record RunFilter(List<Condition> conditions) {

    /** The most conditions one filter may join: each one costs the store a lookup per run. */
    public static final int MAX_CONDITIONS = 50;

    /** No condition: every run. */
    public static final RunFilter ALL = new RunFilter(List.of());

    public RunFilter {
        conditions = List.copyOf(conditions);
        if (conditions.size() > MAX_CONDITIONS) {
            throw new IllegalArgumentException("a filter joins at most " + MAX_CONDITIONS + " conditions");
        }
    }

    /** Whether the run meets every condition. */
    public boolean matches(FoundRun run) {
        return conditions.stream().allMatch(condition -> condition.matches(run));
    }

    /**
     * Reads a filter in MLflow's search grammar: {@code metrics.loss < 0.5 and params.lr = '0.01'}. Null or blank
     * text is {@link #ALL}.
     *
     * @throws InvalidSearchExpression naming the column of the first thing it cannot accept
     */
    public static RunFilter parse(String text) {
        return text == null ? ALL : new SearchParser(text).filter();
    }
}
