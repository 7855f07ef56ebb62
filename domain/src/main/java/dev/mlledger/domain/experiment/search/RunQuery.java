package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;

import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.paging.Orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A run search within some experiments: which runs ({@code filter}, and {@code lifecycle}: only active or only
 * deleted runs, null for both, MLflow's {@code run_view_type}), in which order ({@code orderBy}, then start time
 * newest first, then id, as MLflow orders them), how many at most, and after which position (null for the first
 * page).
 */
public record RunQuery(RunFilter filter, List<RunOrder> orderBy, Lifecycle lifecycle, int maxResults,
                       RunPosition after) {

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
        checkMaxResults(violations, maxResults);
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
     * @param lifecycle  null for active and deleted runs
     * @param maxResults null for {@link #MAX_RESULTS}
     * @param after      null for the first page
     */
    public static RunQuery of(String filter, List<String> orderBy, Lifecycle lifecycle, Integer maxResults,
                              RunPosition after) {
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
        int size = maxResults == null ? MAX_RESULTS : maxResults;
        if (!violations.isEmpty()) {
            checkMaxResults(violations, size);
            throw new InvalidInput(violations);
        }
        return new RunQuery(parsedFilter, order, lifecycle, size, after);
    }

    private static void checkMaxResults(List<Violation> violations, int maxResults) {
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            violations.add(new Violation("maxResults", "must be between 1 and " + MAX_RESULTS));
        }
    }

    /** Whether the query selects the run, page position aside. */
    public boolean selects(FoundRun run) {
        return (lifecycle == null || lifecycle == run.run().lifecycle()) && filter.matches(run);
    }

    /**
     * The query's order of positions: by each key (a missing value last whichever the direction), then start time
     * newest first, then run id as PostgreSQL orders uuids (unsigned).
     */
    public Comparator<RunPosition> order() {
        return (a, b) -> {
            for (int i = 0; i < orderBy.size(); i++) {
                int comparison = compareKey(a.values().get(i), b.values().get(i), orderBy.get(i).ascending());
                if (comparison != 0) {
                    return comparison;
                }
            }
            int byStart = b.startedAt().compareTo(a.startedAt());
            return byStart != 0 ? byStart : Orders.IDS.compare(a.runId(), b.runId());
        };
    }

    private static int compareKey(SortValue a, SortValue b, boolean ascending) {
        boolean aMissing = a instanceof SortValue.Missing;
        boolean bMissing = b instanceof SortValue.Missing;
        if (aMissing || bMissing) {
            return Boolean.compare(aMissing, bMissing);
        }
        int comparison = SortValue.compare(a, b);
        return ascending ? comparison : -comparison;
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
