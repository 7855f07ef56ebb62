package dev.mlledger.domain.experiment;

import java.util.Locale;

/** {@code running → completed | failed}; an ended run stays ended. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED;

    /** The status as the stores keep it; the web adapter spells statuses its own way. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canMoveTo(RunStatus next) {
        return this == RUNNING && (next == COMPLETED || next == FAILED);
    }
}
