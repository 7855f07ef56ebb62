package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.InvalidInput;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code created → running → completed | failed}; completed and failed are final. */
public enum ExperimentStatus {
    CREATED, RUNNING, COMPLETED, FAILED;

    public String wireName() {
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

    public static ExperimentStatus parse(String field, String text) {
        for (ExperimentStatus status : values()) {
            if (status.wireName().equals(text)) {
                return status;
            }
        }
        throw new InvalidInput(field, "must be one of " + Arrays.stream(values()).map(ExperimentStatus::wireName)
                .collect(Collectors.joining(", ")));
    }
}
