package dev.mlledger.adapters.persistence.transaction;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Column values as one SQL array parameter each, for {@code INSERT … SELECT * FROM unnest(?::uuid[], …)}:
 * a whole batch in one statement and one round trip.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** A text[] of the values' {@code toString()} (null stays null), to be cast in SQL ({@code ?::uuid[]}). */
    public static <T> Array text(Connection connection, List<T> rows, Function<T, ?> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null ? null : value.toString();
        }
        return connection.createArrayOf("text", values);
    }

    public static <T> Array float8(Connection connection, List<T> rows, Function<T, Double> column) throws SQLException {
        Double[] values = new Double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf("float8", values);
    }

    public static <T> Array int4(Connection connection, List<T> rows, Function<T, Integer> column) throws SQLException {
        Integer[] values = new Integer[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf("int4", values);
    }
}
