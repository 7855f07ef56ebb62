package dev.mlledger.adapters.persistence.prediction;

import dev.mlledger.domain.validation.Checks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits [from, to) into the pieces the statistics come from: whole UTC days from the daily roll-up, whole
 * hours at the edges from the hourly roll-up, and the partial hours at the very edges from the predictions
 * themselves. So a range costs a bounded number of roll-up rows plus at most two hours of predictions, however
 * many predictions there are.
 */
record TallyPlan(List<Range> days, List<Range> hours, List<Range> raw) {

    /** A half-open interval [start, end). */
    record Range(Instant start, Instant end) {
        /** An empty range, for a piece a plan does not have. */
        static final Range NONE = new Range(Instant.EPOCH, Instant.EPOCH);
    }

    /**
     * The span of times the domain accepts (years 1 to 9999), to whole days; bounds beyond it select nothing more.
     * (Predictions are created at the service's clock, so none falls in the last day of 9999 that this leaves out.)
     */
    static final Instant EARLIEST = Checks.EARLIEST_TIME;
    static final Instant LATEST = Checks.LATEST_TIME.truncatedTo(ChronoUnit.DAYS);

    boolean isEmpty() {
        return days.isEmpty() && hours.isEmpty() && raw.isEmpty();
    }

    static TallyPlan of(Instant from, Instant to) {
        Instant lower = withinSpan(from, EARLIEST);
        Instant upper = withinSpan(to, LATEST);
        List<Range> days = new ArrayList<>();
        List<Range> hours = new ArrayList<>();
        List<Range> raw = new ArrayList<>();
        if (!lower.isBefore(upper)) {
            return new TallyPlan(days, hours, raw);
        }
        Instant firstHour = ceil(lower, ChronoUnit.HOURS);
        Instant lastHour = upper.truncatedTo(ChronoUnit.HOURS);
        if (!firstHour.isBefore(lastHour)) {
            raw.add(new Range(lower, upper));
            return new TallyPlan(days, hours, raw);
        }
        addIfNotEmpty(raw, lower, firstHour);
        addIfNotEmpty(raw, lastHour, upper);
        Instant firstDay = ceil(firstHour, ChronoUnit.DAYS);
        Instant lastDay = lastHour.truncatedTo(ChronoUnit.DAYS);
        if (!firstDay.isBefore(lastDay)) {
            hours.add(new Range(firstHour, lastHour));
        } else {
            addIfNotEmpty(hours, firstHour, firstDay);
            addIfNotEmpty(hours, lastDay, lastHour);
            days.add(new Range(firstDay, lastDay));
        }
        return new TallyPlan(days, hours, raw);
    }

    /**
     * A bound a client chose, moved into the span PostgreSQL compares with here: any ISO-8601 instant is a valid
     * bound, even one of year +999999999, and no prediction is made outside the span; an open bound is {@code ifOpen}.
     */
    static Instant withinSpan(Instant bound, Instant ifOpen) {
        if (bound == null) {
            return ifOpen;
        }
        return bound.isBefore(EARLIEST) ? EARLIEST : bound.isAfter(LATEST) ? LATEST : bound;
    }

    private static Instant ceil(Instant instant, ChronoUnit unit) {
        Instant floor = instant.truncatedTo(unit);
        return floor.equals(instant) ? floor : floor.plus(Duration.of(1, unit));
    }

    private static void addIfNotEmpty(List<Range> ranges, Instant start, Instant end) {
        if (start.isBefore(end)) {
            ranges.add(new Range(start, end));
        }
    }
}
