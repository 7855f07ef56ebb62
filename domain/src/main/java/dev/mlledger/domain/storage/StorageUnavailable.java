package dev.mlledger.domain.storage;

/**
 * The store could not be reached, so the operation did not happen (and nothing was half-written).
 * Clients may retry later.
 */
public class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
