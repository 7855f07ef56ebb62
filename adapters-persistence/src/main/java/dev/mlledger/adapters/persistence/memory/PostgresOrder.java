package dev.mlledger.adapters.persistence.memory;

import dev.mlledger.domain.experiment.MetricKey;
import dev.mlledger.domain.paging.Orders;

import java.util.Comparator;
import java.util.UUID;

/** The orders PostgreSQL sorts by, for the in-memory store to list things in the same order as the JDBC adapter. */
final class PostgresOrder {

    /** PostgreSQL compares uuids byte by byte, that is as two unsigned longs ({@link Orders#IDS}). */
    static final Comparator<UUID> UUIDS = Orders.IDS;

    /**
     * Text by Unicode code point: the order of PostgreSQL's C and C.UTF-8 collations ({@link Orders#TEXT}). A
     * database created with a linguistic collation (en_US.UTF-8) orders text differently again, even ASCII ("B"
     * between "a" and "c").
     */
    static final Comparator<String> TEXT = Orders.TEXT;

    /** A run's metric history: by name, then step. */
    static final Comparator<MetricKey> METRIC_KEYS = Comparator.comparing(MetricKey::name, TEXT)
            .thenComparingLong(MetricKey::step);

    private PostgresOrder() {
    }
}
