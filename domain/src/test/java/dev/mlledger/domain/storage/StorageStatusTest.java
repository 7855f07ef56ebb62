package dev.mlledger.domain.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageStatusTest {

    @Test
    void an_up_status_keeps_what_the_store_said_it_is() {
        StorageStatus status = StorageStatus.up("PostgreSQL 15.19");

        assertTrue(status.up());
        assertEquals("PostgreSQL 15.19", status.description());
    }

    @Test
    void a_down_status_keeps_its_reason() {
        StorageStatus status = StorageStatus.down("database unreachable");

        assertFalse(status.up());
        assertEquals("database unreachable", status.description());
    }

    @Test
    void a_status_without_a_description_cannot_be_made() {
        assertThrows(NullPointerException.class, () -> new StorageStatus(true, null));
    }
}
