package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.experiment.MetricPoint;

import java.util.UUID;

/** A metric point with the run it belongs to: a row of the metrics table, keyed by (run, name, step). */
record StoredMetric(UUID runId, MetricPoint point) {

    record Key(UUID runId, String name, long step) {
    }

    Key key() {
        return new Key(runId, point.name(), point.step());
    }

    MetricKey position() {
        return new MetricKey(point.name(), point.step());
    }
}
