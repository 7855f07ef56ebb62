package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.InvalidInput;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code running → completed | failed}; an ended run stays ended. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canMoveTo(RunStatus next) {
        return this == RUNNING && (next == COMPLETED || next == FAILED);
    }

    public static RunStatus parse(String field, String text) {
        for (RunStatus status : values()) {
            if (status.wireName().equals(text)) {
                return status;
            }
        }
        throw new InvalidInput(field, "must be one of " + Arrays.stream(values()).map(RunStatus::wireName)
                .collect(Collectors.joining(", ")));
    }
}
