package dev.mlledger.adapters.web.experiment;

import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.domain.experiment.MetricPoint;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record MetricPointView(String name, long step, double value, Instant timestamp) {

    public MetricPointView {
        timestamp = Spellings.time(timestamp);
    }

    public static MetricPointView of(MetricPoint point) {
        return new MetricPointView(point.name(), point.step(), point.value(), point.timestamp());
    }
}
