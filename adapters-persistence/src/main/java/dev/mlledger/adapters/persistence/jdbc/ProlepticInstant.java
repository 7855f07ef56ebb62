package dev.mlledger.adapters.persistence.jdbc;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Reads a {@code timestamptz} column that a client can set (a prediction date, a metric's timestamp: any year
 * from 1 to 9999) by its text, on the proleptic Gregorian calendar that PostgreSQL and {@code java.time} count
 * in. Micronaut Data's default mapping of {@link Instant} goes through {@code java.sql.Timestamp}, whose hybrid
 * Julian calendar moves dates before 1582 by days (1500-06-01 would come back as 1500-06-10).
 *
 * <p>Only for rows the repositories write with native statements (which send instants as ISO-8601 text, see
 * {@link Columns#times}): as a bound parameter, the text would be a {@code varchar}, which PostgreSQL does not
 * assign to a {@code timestamptz} column.
 */
@Singleton
public class ProlepticInstant implements AttributeConverter<Instant, String> {

    /** PostgreSQL's ISO output: {@code 1500-06-01 12:00:00.123456+00}, offsets as {@code +05:30} or {@code +00:53:28}. */
    private static final DateTimeFormatter POSTGRES_TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:mm:ss", "Z")
            .toFormatter();

    @Override
    public String convertToPersistedValue(Instant instant, ConversionContext context) {
        return instant == null ? null : Columns.stored(instant).toString();
    }

    @Override
    public Instant convertToEntityValue(String text, ConversionContext context) {
        return text == null ? null : OffsetDateTime.parse(text, POSTGRES_TEXT).toInstant();
    }
}
