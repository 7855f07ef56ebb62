package dev.mlledger.adapters.web.health;

import dev.mlledger.application.health.HealthReport;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code {"status": "UP", "database": {"status": "UP", "description": "PostgreSQL 15.19"}}}.
 */
@Serdeable
public record HealthView(String status, ComponentView database) {

    @Serdeable
    public record ComponentView(String status, String description) {
    }

    static HealthView of(HealthReport report) {
        return new HealthView(word(report.up()),
                new ComponentView(word(report.storage().up()), report.storage().description()));
    }

    private static String word(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
