package dev.mlledger.application.experiment;

import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What one call logs to a run, all or nothing (MLflow's log-batch): metric points, params and tags, each list
 * optional but not all empty.
 */
public record RunData(List<MetricToLog> metrics, List<Param> params, List<Tag> tags) {

    public static final int MAX_METRICS = 1000;
    public static final int MAX_PARAMS = 100;
    public static final int MAX_TAGS = 100;

    public RunData {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        params = params == null ? List.of() : List.copyOf(params);
        tags = tags == null ? List.of() : List.copyOf(tags);
        List<Violation> violations = new ArrayList<>();
        if (metrics.isEmpty() && params.isEmpty() && tags.isEmpty()) {
            violations.add(new Violation("", "must hold at least one metric, param or tag"));
        }
        atMost(violations, "metrics", metrics.size(), MAX_METRICS);
        atMost(violations, "params", params.size(), MAX_PARAMS);
        atMost(violations, "tags", tags.size(), MAX_TAGS);
        Checks.throwIfAny(violations);
    }

    public static RunData params(List<Param> params) {
        return new RunData(List.of(), params, List.of());
    }

    public static RunData tags(List<Tag> tags) {
        return new RunData(List.of(), List.of(), tags);
    }

    private static void atMost(List<Violation> violations, String field, int size, int max) {
        if (size > max) {
            violations.add(new Violation(field, "must hold at most " + max + " items, not " + size));
        }
    }
}
