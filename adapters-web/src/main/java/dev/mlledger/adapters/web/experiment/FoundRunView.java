package dev.mlledger.adapters.web.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlledger.domain.experiment.MetricPoint;
import dev.mlledger.domain.experiment.search.FoundRun;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/** A run a search found: the run, the value at the highest step of each of its metrics, its params and tags. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FoundRunView(RunView run, Map<String, Double> latestMetrics, SortedMap<String, String> params,
                           SortedMap<String, String> tags) {

    public static FoundRunView of(FoundRun found) {
        Map<String, Double> latest = new LinkedHashMap<>();
        for (MetricPoint point : found.latestMetrics().values()) {
            latest.put(point.name(), point.value());
        }
        return new FoundRunView(RunView.of(found.run()), latest, found.params(), found.tags());
    }
}
