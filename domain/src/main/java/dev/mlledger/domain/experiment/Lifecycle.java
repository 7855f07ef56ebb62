package dev.mlledger.domain.experiment;

import java.util.Locale;

/**
 * Whether an experiment or a run is in use or in the bin: a deleted one is hidden from lists unless asked for,
 * takes no changes, and can be restored; purging it is a separate, permanent step.
 */
public enum Lifecycle {
    ACTIVE, DELETED;

    /** As the lifecycle reads in a sentence ("is deleted"); stores and the web adapter spell it their own way. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
