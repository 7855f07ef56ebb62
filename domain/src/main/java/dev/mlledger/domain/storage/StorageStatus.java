package dev.mlledger.domain.storage;

import java.util.Objects;

/**
 * What a store said when asked whether it is up.
 *
 * @param up          whether it answered
 * @param description what the store is ("PostgreSQL 15.19") or, when down, a client-safe reason
 */
public record StorageStatus(boolean up, String description) {

    public StorageStatus {
        Objects.requireNonNull(description, "description");
    }

    public static StorageStatus up(String description) {
        return new StorageStatus(true, description);
    }

    public static StorageStatus down(String reason) {
        return new StorageStatus(false, reason);
    }
}
