package dev.mlledger.application.health;

import dev.mlledger.domain.storage.StorageStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckHealthServiceTest {

    @Test
    void the_service_is_up_when_its_store_is_up() {
        HealthReport report = new CheckHealthService(() -> StorageStatus.up("PostgreSQL 16.4")).check();

        assertTrue(report.up());
        assertEquals("PostgreSQL 16.4", report.storage().description());
    }

    @Test
    void the_service_is_down_when_its_store_is_down() {
        HealthReport report = new CheckHealthService(() -> StorageStatus.down("database unreachable")).check();

        assertFalse(report.up());
    }

    @Test
    void the_store_is_asked_afresh_on_every_check() {
        int[] asked = {0};
        CheckHealth health = new CheckHealthService(() -> StorageStatus.up("check " + ++asked[0]));

        health.check();
        HealthReport second = health.check();

        assertEquals("check 2", second.storage().description());
    }
}
