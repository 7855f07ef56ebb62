package dev.mlledger.adapters.persistence.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Values of many rows as one array per column, for the {@code INSERT … SELECT * FROM unnest(…)} statements of
 * the repositories (a whole batch in one statement and one round trip), and single values in the precision
 * PostgreSQL keeps.
 */
public final class Columns {

    /** Sorts after every stored id, as PostgreSQL compares uuids: the keyset position of a first page. */
    public static final UUID LAST_ID = new UUID(-1L, -1L);

    private Columns() {
    }

    /** A status as the tables' check constraints list it: in lower case ({@code running}). */
    public static String status(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The status a status column holds. */
    public static <E extends Enum<E>> E status(Class<E> type, String column) {
        return Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }

    /** The values' text (null stays null), cast in SQL ({@code CAST(:ids AS uuid[])}). */
    public static <T> String[] text(List<T> rows, Function<T, ?> column) {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null ? null : value.toString();
        }
        return values;
    }

    /** Instants as ISO-8601 text, cut to the microseconds PostgreSQL keeps (it would round them). */
    public static <T> String[] times(List<T> rows, Function<T, Instant> column) {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Instant value = column.apply(rows.get(i));
            values[i] = value == null ? null : stored(value).toString();
        }
        return values;
    }

    public static <T> Double[] doubles(List<T> rows, Function<T, Double> column) {
        Double[] values = new Double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return values;
    }

    public static <T> Integer[] integers(List<T> rows, Function<T, Integer> column) {
        Integer[] values = new Integer[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return values;
    }

    public static <T> Long[] longs(List<T> rows, Function<T, Long> column) {
        Long[] values = new Long[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return values;
    }

    /** An instant as PostgreSQL keeps it: to the microsecond, cut rather than rounded. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A single {@code timestamptz} parameter of a native query; null stays null. */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : stored(instant).atOffset(ZoneOffset.UTC);
    }
}
