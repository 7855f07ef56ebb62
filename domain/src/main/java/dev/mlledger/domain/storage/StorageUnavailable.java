package dev.mlledger.domain.storage;

/**
 * The store could not do the work now, whatever was asked of it: it cannot be reached, is shutting down, ran out
 * of connections or resources, or kept aborting the work as a conflict with concurrent work. Nothing was
 * half-written: the work's writes were kept all together or not at all (not at all, unless the store failed while
 * confirming a commit, when they may have been kept). Clients may retry later.
 */
public class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
