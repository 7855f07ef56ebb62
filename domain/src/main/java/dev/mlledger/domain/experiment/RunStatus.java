package dev.mlledger.domain.experiment;

import java.util.Locale;

/** {@code running → completed | failed | killed}; an ended run stays ended. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, KILLED;

    /** As the status reads in a sentence ("is completed"); stores and the web adapter spell it their own way. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canMoveTo(RunStatus next) {
        return this == RUNNING && next != RUNNING;
    }
}
