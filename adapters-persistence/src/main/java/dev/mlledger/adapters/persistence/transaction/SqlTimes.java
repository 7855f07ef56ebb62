package dev.mlledger.adapters.persistence.transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code timestamptz} values in and out as {@link Instant}s. Read through {@link OffsetDateTime}, which is
 * proleptic Gregorian like what is written; {@code java.sql.Timestamp} would move dates before 1582 by days.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** For {@code setObject}: null stays null. */
    public static OffsetDateTime parameter(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
