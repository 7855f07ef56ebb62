package dev.mlledger.adapters.web.binding;

import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.prediction.model.FeatureType;
import dev.mlledger.domain.validation.InvalidInput;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the API spells the domain's enums: risk levels in capitals ({@code HIGH}), statuses and feature types in
 * lower case ({@code running}, {@code number}). Reading is exact: {@code "high"} is no risk level. Times are
 * written to the microsecond, the precision docs/api.md promises, whatever finer part the clock gave: what a
 * {@code POST} answers reads the same as what a later {@code GET} answers.
 */
public final class Spellings {

    /** The lifecycle filter that lists active and deleted ones alike. */
    public static final String ALL = "all";

    private Spellings() {
    }

    /** A time as the API writes it: to the microsecond; null stays null. */
    public static Instant time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String of(ExperimentStatus status) {
        return lowerCase(status);
    }

    public static String of(RunStatus status) {
        return lowerCase(status);
    }

    public static String of(Lifecycle lifecycle) {
        return lowerCase(lifecycle);
    }

    /**
     * A list's {@code lifecycle} query value: {@code active} (also when absent), {@code deleted}, or {@code all},
     * which is no filter (null).
     */
    public static Lifecycle lifecycleFilter(String text) {
        if (text == null) {
            return Lifecycle.ACTIVE;
        }
        return ALL.equals(text) ? null : read(Lifecycle.class, text, Spellings::of, ALL);
    }

    public static String of(FeatureType type) {
        return lowerCase(type);
    }

    public static String of(RiskLevel level) {
        return level.name();
    }

    /** @throws InvalidInput (named {@code ""}) unless {@code text} spells a risk level */
    public static RiskLevel riskLevel(String text) {
        return read(RiskLevel.class, text, Spellings::of, null);
    }

    public static ExperimentStatus experimentStatus(String text) {
        return read(ExperimentStatus.class, text, Spellings::of, null);
    }

    public static RunStatus runStatus(String text) {
        return read(RunStatus.class, text, Spellings::of, null);
    }

    /** @param alsoAllowed a spelling the caller handles itself, named in the error; null for none */
    private static <E extends Enum<E>> E read(Class<E> type, String text, Function<E, String> spelling,
                                              String alsoAllowed) {
        for (E value : type.getEnumConstants()) {
            if (spelling.apply(value).equals(text)) {
                return value;
            }
        }
        throw new InvalidInput("", "must be one of " + Stream.concat(Arrays.stream(type.getEnumConstants()).map(spelling),
                Stream.ofNullable(alsoAllowed)).collect(Collectors.joining(", ")));
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
