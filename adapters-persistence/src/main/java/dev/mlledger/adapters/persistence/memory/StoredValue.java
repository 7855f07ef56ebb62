package dev.mlledger.adapters.persistence.memory;

import java.util.UUID;

/** A param or a tag with the run or experiment it belongs to: a row keyed by (owner, key). */
record StoredValue(UUID ownerId, String key, String value) {

    record Key(UUID ownerId, String key) {
    }

    Key identity() {
        return new Key(ownerId, key);
    }
}
