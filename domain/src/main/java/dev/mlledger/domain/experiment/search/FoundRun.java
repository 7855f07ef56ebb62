package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.Run;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run as a search answers it, with what MLflow's {@code Run} shows: its latest point of each metric, its params
 * and its tags, each by name in name order.
 */
public record FoundRun(Run run, SortedMap<String, MetricPoint> latestMetrics, SortedMap<String, String> params,
                       SortedMap<String, String> tags) {

    public FoundRun {
        Objects.requireNonNull(run, "run");
        latestMetrics = Collections.unmodifiableSortedMap(new TreeMap<>(latestMetrics));
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** The run's value of {@code field}, as conditions compare it and orders sort it. */
    public SortValue value(RunField field) {
        return switch (field) {
            case RunField.Metric(String key) -> {
                MetricPoint latest = latestMetrics.get(key);
                yield latest == null ? SortValue.MISSING : new SortValue.Number(latest.value());
            }
            case RunField.Param(String key) -> text(params.get(key));
            case RunField.Tag(String key) -> text(tags.get(key));
            case RunField.Attribute(RunAttribute attribute) -> switch (attribute) {
                case RUN_ID -> new SortValue.Text(RunAttribute.runIdText(run.id()));
                case RUN_NAME -> text(run.name());
                case USER_ID -> text(run.owner());
                case STATUS -> new SortValue.Text(RunAttribute.statusText(run.status()));
                case START_TIME -> new SortValue.Time(run.startedAt());
                case END_TIME -> run.endedAt() == null ? SortValue.MISSING : new SortValue.Time(run.endedAt());
            };
        };
    }

    private static SortValue text(String value) {
        return value == null ? SortValue.MISSING : new SortValue.Text(value);
    }
}
