package dev.mlledger.adapters.persistence.prediction;

import dev.mlledger.adapters.persistence.prediction.TallyPlan.Range;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyPlanTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void a_range_within_one_hour_is_read_from_the_predictions_only() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T10:15:00Z"), at("2026-03-10T10:45:30.000001Z"));

        assertEquals(List.of(), plan.days());
        assertEquals(List.of(), plan.hours());
        assertEquals(List.of(range("2026-03-10T10:15:00Z", "2026-03-10T10:45:30.000001Z")), plan.raw());
    }

    @Test
    void a_range_across_one_hour_boundary_without_a_whole_hour_is_read_from_the_predictions_only() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T10:15:00Z"), at("2026-03-10T11:20:00Z"));

        assertEquals(List.of(), plan.days());
        assertEquals(List.of(), plan.hours());
        assertCovers(plan, at("2026-03-10T10:15:00Z"), at("2026-03-10T11:20:00Z"));
    }

    @Test
    void a_range_holding_whole_hours_takes_them_from_the_hourly_roll_up_and_its_edges_from_the_predictions() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T10:15:00Z"), at("2026-03-10T13:20:00Z"));

        assertEquals(List.of(), plan.days());
        assertEquals(List.of(range("2026-03-10T11:00:00Z", "2026-03-10T13:00:00Z")), plan.hours());
        assertEquals(List.of(range("2026-03-10T10:15:00Z", "2026-03-10T11:00:00Z"),
                range("2026-03-10T13:00:00Z", "2026-03-10T13:20:00Z")), plan.raw());
    }

    @Test
    void a_range_across_days_takes_whole_days_from_the_daily_roll_up() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T22:30:00Z"), at("2026-03-13T02:10:00Z"));

        assertEquals(List.of(range("2026-03-11T00:00:00Z", "2026-03-13T00:00:00Z")), plan.days());
        assertEquals(List.of(range("2026-03-10T23:00:00Z", "2026-03-11T00:00:00Z"),
                range("2026-03-13T00:00:00Z", "2026-03-13T02:00:00Z")), plan.hours());
        assertEquals(List.of(range("2026-03-10T22:30:00Z", "2026-03-10T23:00:00Z"),
                range("2026-03-13T02:00:00Z", "2026-03-13T02:10:00Z")), plan.raw());
    }

    @Test
    void a_range_across_midnight_without_a_whole_day_uses_hours() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T21:30:00Z"), at("2026-03-11T03:10:00Z"));

        assertEquals(List.of(), plan.days());
        assertEquals(List.of(range("2026-03-10T22:00:00Z", "2026-03-11T03:00:00Z")), plan.hours());
        assertCovers(plan, at("2026-03-10T21:30:00Z"), at("2026-03-11T03:10:00Z"));
    }

    @Test
    void bounds_on_midnight_need_no_hours_and_no_predictions() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T00:00:00Z"), at("2026-03-12T00:00:00Z"));

        assertEquals(List.of(range("2026-03-10T00:00:00Z", "2026-03-12T00:00:00Z")), plan.days());
        assertEquals(List.of(), plan.hours());
        assertEquals(List.of(), plan.raw());
    }

    @Test
    void bounds_on_the_hour_need_no_predictions() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T05:00:00Z"), at("2026-03-10T09:00:00Z"));

        assertEquals(List.of(), plan.days());
        assertEquals(List.of(range("2026-03-10T05:00:00Z", "2026-03-10T09:00:00Z")), plan.hours());
        assertEquals(List.of(), plan.raw());
    }

    @Test
    void a_missing_lower_bound_starts_at_the_earliest_supported_instant() {
        Instant to = at("2026-03-10T05:42:00Z");

        TallyPlan plan = TallyPlan.of(null, to);

        assertCovers(plan, TallyPlan.EARLIEST, to);
        assertEquals(List.of(new Range(TallyPlan.EARLIEST, at("2026-03-10T00:00:00Z"))), plan.days());
    }

    @Test
    void a_missing_upper_bound_ends_at_the_latest_supported_instant() {
        Instant from = at("2026-03-10T05:42:00Z");

        TallyPlan plan = TallyPlan.of(from, null);

        assertCovers(plan, from, TallyPlan.LATEST);
        assertEquals(List.of(new Range(at("2026-03-11T00:00:00Z"), TallyPlan.LATEST)), plan.days());
    }

    @Test
    void no_bounds_at_all_cover_every_supported_day() {
        TallyPlan plan = TallyPlan.of(null, null);

        assertEquals(List.of(new Range(TallyPlan.EARLIEST, TallyPlan.LATEST)), plan.days());
        assertEquals(List.of(), plan.hours());
        assertEquals(List.of(), plan.raw());
    }

    @Test
    void an_empty_range_has_no_pieces() {
        Instant instant = at("2026-03-10T05:42:00Z");

        assertEmpty(TallyPlan.of(instant, instant));
        assertEmpty(TallyPlan.of(at("2026-03-10T00:00:00Z"), at("2026-03-10T00:00:00Z")));
    }

    @Test
    void a_reversed_range_has_no_pieces() {
        assertEmpty(TallyPlan.of(at("2026-03-12T05:42:00Z"), at("2026-03-10T05:42:00Z")));
        assertEmpty(TallyPlan.of(at("2026-03-10T05:42:00.000001Z"), at("2026-03-10T05:42:00Z")));
    }

    @Test
    void a_range_of_one_microsecond_is_one_raw_piece() {
        TallyPlan plan = TallyPlan.of(at("2026-03-10T05:59:59.999999Z"), at("2026-03-10T06:00:00Z"));

        assertEquals(List.of(range("2026-03-10T05:59:59.999999Z", "2026-03-10T06:00:00Z")), plan.raw());
        assertEquals(List.of(), plan.hours());
        assertEquals(List.of(), plan.days());
    }

    @Test
    void random_ranges_are_covered_exactly_by_aligned_pieces() {
        Random random = new Random(20260310L);
        Instant base = at("2026-03-08T00:00:00Z");
        long windowMicros = Duration.ofDays(5).toNanos() / 1000;
        for (int i = 0; i < 5000; i++) {
            Instant from = randomInstant(random, base, windowMicros);
            Instant to = random.nextInt(10) == 0 ? from : randomInstant(random, base, windowMicros);
            if (random.nextInt(20) == 0) {
                from = null;
            }
            if (random.nextInt(20) == 0) {
                to = null;
            }
            TallyPlan plan = TallyPlan.of(from, to);
            Instant lower = from == null ? TallyPlan.EARLIEST : from;
            Instant upper = to == null ? TallyPlan.LATEST : to;
            String context = "[" + from + ", " + to + ")";

            if (lower.isBefore(upper)) {
                assertCovers(plan, lower, upper);
            } else {
                assertEmpty(plan);
            }
            assertTrue(plan.raw().size() <= 2, () -> context + " raw " + plan.raw());
            assertTrue(plan.hours().size() <= 2, () -> context + " hours " + plan.hours());
            assertTrue(plan.days().size() <= 1, () -> context + " days " + plan.days());
            for (Range day : plan.days()) {
                assertAligned(day, ChronoUnit.DAYS, context);
            }
            for (Range hour : plan.hours()) {
                assertAligned(hour, ChronoUnit.HOURS, context);
            }
            Duration rawTotal = Duration.ZERO;
            for (Range raw : plan.raw()) {
                Duration length = Duration.between(raw.start(), raw.end());
                rawTotal = rawTotal.plus(length);
                assertTrue(holdsNoWholeHour(raw), () -> context + " scans a whole hour of predictions: " + raw);
                if (!plan.hours().isEmpty() || !plan.days().isEmpty()) {
                    assertTrue(length.compareTo(HOUR) < 0, () -> context + " raw piece of an hour or more: " + raw);
                }
            }
            Duration scanned = rawTotal;
            assertTrue(scanned.compareTo(HOUR.multipliedBy(2)) < 0, () -> context + " scans " + scanned);
        }
    }

    private static Instant randomInstant(Random random, Instant base, long windowMicros) {
        Instant instant = base.plus(random.nextLong(windowMicros), ChronoUnit.MICROS);
        return switch (random.nextInt(4)) {
            case 0 -> instant.truncatedTo(ChronoUnit.DAYS);
            case 1 -> instant.truncatedTo(ChronoUnit.HOURS);
            default -> instant;
        };
    }

    /** The pieces, in order, tile [from, to): no gap, no overlap, none empty. */
    private static void assertCovers(TallyPlan plan, Instant from, Instant to) {
        List<Range> pieces = new ArrayList<>();
        pieces.addAll(plan.days());
        pieces.addAll(plan.hours());
        pieces.addAll(plan.raw());
        pieces.sort(Comparator.comparing(Range::start));
        String context = "[" + from + ", " + to + ") as " + pieces;
        assertTrue(!pieces.isEmpty(), context);
        assertEquals(from, pieces.getFirst().start(), context);
        assertEquals(to, pieces.getLast().end(), context);
        for (int i = 0; i < pieces.size(); i++) {
            Range piece = pieces.get(i);
            assertTrue(piece.start().isBefore(piece.end()), () -> "empty piece in " + context);
            if (i > 0) {
                assertEquals(pieces.get(i - 1).end(), piece.start(), "gap or overlap in " + context);
            }
        }
    }

    private static void assertAligned(Range range, ChronoUnit unit, String context) {
        assertEquals(range.start().truncatedTo(unit), range.start(), () -> context + " " + unit + " " + range);
        assertEquals(range.end().truncatedTo(unit), range.end(), () -> context + " " + unit + " " + range);
    }

    private static boolean holdsNoWholeHour(Range range) {
        Instant firstWholeHour = range.start().truncatedTo(ChronoUnit.HOURS);
        if (firstWholeHour.isBefore(range.start())) {
            firstWholeHour = firstWholeHour.plus(HOUR);
        }
        return firstWholeHour.plus(HOUR).isAfter(range.end());
    }

    private static void assertEmpty(TallyPlan plan) {
        assertEquals(List.of(), plan.days());
        assertEquals(List.of(), plan.hours());
        assertEquals(List.of(), plan.raw());
    }

    private static Range range(String start, String end) {
        return new Range(at(start), at(end));
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
