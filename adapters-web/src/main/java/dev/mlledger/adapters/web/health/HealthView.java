package dev.mlledger.adapters.web.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import dev.mlledger.application.health.HealthReport;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code {"status": "UP", "database": {"status": "UP", "description": "PostgreSQL 15.19"}}}; anonymous callers get
 * the status alone.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthView(String status, @Nullable ComponentView database) {

    @Serdeable
    public record ComponentView(String status, String description) {
    }

    static HealthView of(HealthReport report) {
        return new HealthView(word(report.up()),
                new ComponentView(word(report.storage().up()), report.storage().description()));
    }

    /** The status without the details, for callers without credentials. */
    HealthView statusOnly() {
        return new HealthView(status, null);
    }

    private static String word(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
