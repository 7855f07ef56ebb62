package dev.mlledger.domain.experiment;

import java.util.Locale;

/** {@code created → running → completed | failed}; completed and failed are final. */
public enum ExperimentStatus {
    CREATED, RUNNING, COMPLETED, FAILED;

    /** As the status reads in a sentence ("is completed"); stores and the web adapter spell it their own way. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canMoveTo(ExperimentStatus next) {
        return switch (this) {
            case CREATED -> next == RUNNING;
            case RUNNING -> next == COMPLETED || next == FAILED;
            case COMPLETED, FAILED -> false;
        };
    }

    /** A completed or failed experiment takes no new runs. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
