package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A run search within some experiments: which runs ({@code filter}), in which order ({@code orderBy}, then start
 * time newest first, then id), how many at most, and after which position (null for the first page).
 */
public record RunQuery(RunFilter filter, List<RunOrder> orderBy, int maxResults, RunPosition after) {

    /** MLflow's default page size, and mlledger's largest. */
    public static final int MAX_RESULTS = 1000;
    /** The most ordering keys: each one costs the store a lookup per run. */
    public static final int MAX_ORDER_KEYS = 10;

    public RunQuery {
        Objects.requireNonNull(filter, "filter");
        orderBy = List.copyOf(orderBy);
        List<Violation> violations = new ArrayList<>();
        if (orderBy.size() > MAX_ORDER_KEYS) {
            violations.add(new Violation("orderBy", "must have at most " + MAX_ORDER_KEYS + " items"));
        }
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            violations.add(new Violation("maxResults", "must be between 1 and " + MAX_RESULTS));
        }
        if (after != null && !fits(after, orderBy)) {
            violations.add(new Violation("after", "is a position in another order"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    /**
     * Reads a search as clients write it, reporting every mistake at once: the filter under {@code filter}, each
     * order item under {@code orderBy[i]}, each with the column of its first problem.
     *
     * @param filter     MLflow's filter text; null or blank for all runs
     * @param orderBy    MLflow's order_by items; null for none
     * @param maxResults null for {@link #MAX_RESULTS}
     * @param after      null for the first page
     */
    public static RunQuery of(String filter, List<String> orderBy, Integer maxResults, RunPosition after) {
        List<Violation> violations = new ArrayList<>();
        RunFilter parsedFilter = parsed(violations, "filter", () -> RunFilter.parse(filter));
        List<RunOrder> order = new ArrayList<>();
        List<String> items = orderBy == null ? List.of() : orderBy;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            RunOrder parsed = parsed(violations, "orderBy[" + i + "]", () -> RunOrder.parse(item == null ? "" : item));
            if (parsed != null) {
                order.add(parsed);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new RunQuery(parsedFilter, order, maxResults == null ? MAX_RESULTS : maxResults, after);
    }

    private static <T> T parsed(List<Violation> violations, String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput invalid) {
            violations.addAll(invalid.under(name).violations());
            return null;
        }
    }

    private static boolean fits(RunPosition position, List<RunOrder> orderBy) {
        if (position.values().size() != orderBy.size()) {
            return false;
        }
        for (int i = 0; i < orderBy.size(); i++) {
            if (!position.values().get(i).fits(orderBy.get(i).field())) {
                return false;
            }
        }
        return true;
    }
}
