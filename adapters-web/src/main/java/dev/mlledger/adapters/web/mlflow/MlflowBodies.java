package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.KeyValue;
import dev.mlledger.adapters.web.mlflow.MlflowEntities.Metric;
import dev.mlledger.application.experiment.MetricToLog;
import dev.mlledger.domain.experiment.Param;
import dev.mlledger.domain.experiment.Tag;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the members of MLflow's requests into the use cases' commands, naming what is wrong in MLflow's words
 * ({@code key}, {@code run_id}, {@code metrics[3].key}) rather than the domain's ({@code name}).
 */
final class MlflowBodies {

    /** A metric's name is its {@code key} in MLflow: {@code metrics[3].name}, or {@code name} for a single metric. */
    private static final Pattern METRIC_NAME = Pattern.compile("^((?:metrics\\[\\d+]\\.)?)name$");
    private static final String ONE_METRIC = "metrics[0].";

    private MlflowBodies() {
    }

    /** @throws InvalidInput naming {@code field} when the value is absent (or an empty string, as protobuf writes none) */
    static <T> T required(@Nullable T value, String field) {
        if (value == null || value instanceof String text && text.isEmpty()) {
            throw new InvalidInput(field, "is required");
        }
        return value;
    }

    /** A string member as given, or null when it is absent or empty (protobuf writes an unset string as empty). */
    static @Nullable String given(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The run a request names by {@code run_id}, or by {@code run_uuid} as older clients do. */
    static UUID runId(@Nullable String runId, @Nullable String runUuid) {
        String named = given(runId) == null ? runUuid : runId;
        return MlflowIds.runUuid(required(named, "run_id"));
    }

    static List<Tag> tags(List<Violation> violations, String field, @Nullable List<KeyValue> given) {
        return keyValues(violations, field, given, Tag::new);
    }

    static List<Param> params(List<Violation> violations, String field, @Nullable List<KeyValue> given) {
        return keyValues(violations, field, given, Param::new);
    }

    /** Each pair made into what {@code make} makes; what is wrong with the i-th is named {@code field[i].…}. */
    private static <T> List<T> keyValues(List<Violation> violations, String field, @Nullable List<KeyValue> given,
                                         BiFunction<String, String, T> make) {
        List<T> made = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            KeyValue pair = given.get(i) == null ? new KeyValue(null, null) : given.get(i);
            T one = Violations.collect(violations, field + "[" + i + "]", () -> make.apply(pair.key(), pair.value()));
            if (one != null) {
                made.add(one);
            }
        }
        return made;
    }

    /** A metric as MLflow logs it: step 0 unless given, the time it is logged unless a timestamp is given. */
    static MetricToLog metric(@Nullable String key, @Nullable Double value, @Nullable Long timestamp, @Nullable Long step) {
        return new MetricToLog(key, step == null ? 0L : step, value, MlflowIds.instant(timestamp));
    }

    static List<MetricToLog> metrics(@Nullable List<Metric> given) {
        return given == null ? List.of() : given.stream()
                .map(metric -> metric == null ? metric(null, null, null, null)
                        : metric(metric.key(), metric.value(), metric.timestamp(), metric.step()))
                .toList();
    }

    /**
     * Runs {@code work}, which logs metrics as a list named {@code metrics}; what it finds wrong with a metric's name
     * is reported as MLflow names it, its {@code key}, and for a request that logs one metric (log-metric), without
     * the list: {@code key}, not {@code metrics[0].name}.
     */
    static <T> T inMlflowWords(boolean oneMetric, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInput invalid) {
            throw new InvalidInput(invalid.violations().stream()
                    .map(violation -> new Violation(mlflowField(oneMetric, violation.field()), violation.message()))
                    .toList());
        }
    }

    private static String mlflowField(boolean oneMetric, String field) {
        String keyed = METRIC_NAME.matcher(field).replaceFirst("$1key");
        return oneMetric && keyed.startsWith(ONE_METRIC) ? keyed.substring(ONE_METRIC.length()) : keyed;
    }
}
