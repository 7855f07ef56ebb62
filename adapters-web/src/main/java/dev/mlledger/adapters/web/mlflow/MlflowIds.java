package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.domain.validation.NotFound;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How MLflow's clients spell mlledger's ids and times: an experiment by its number as a string of digits
 * ({@code "0"} is the Default experiment), a run by its UUID as 32 lower-case hex digits (MLflow's run ids), times
 * as milliseconds since the epoch. An id that cannot be one names nothing: {@link NotFound}, as MLflow answers.
 */
final class MlflowIds {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-fA-F]{32}");

    private MlflowIds() {
    }

    static String experimentId(long number) {
        return Long.toString(number);
    }

    /** @throws NotFound unless the text is an experiment number */
    static long experimentNumber(@Nullable String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            throw new NotFound("experiment with id '" + text + "'");
        }
        return Long.parseLong(text);
    }

    static String runId(UUID id) {
        return id.toString().replace("-", "");
    }

    /** The run a client names: 32 hex digits, or a UUID with its dashes. @throws NotFound for anything else */
    static UUID runUuid(@Nullable String text) {
        if (text != null && RUN_ID.matcher(text).matches()) {
            return new UUID(Long.parseUnsignedLong(text, 0, 16, 16), Long.parseUnsignedLong(text, 16, 32, 16));
        }
        if (text != null && text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException notAUuid) {
                // falls through to not found
            }
        }
        throw new NotFound("run with id '" + text + "'");
    }

    static @Nullable Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static @Nullable Instant instant(@Nullable Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
