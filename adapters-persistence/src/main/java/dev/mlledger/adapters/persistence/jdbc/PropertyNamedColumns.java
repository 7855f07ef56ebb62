package dev.mlledger.adapters.persistence.jdbc;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.model.PersistentProperty;
import io.micronaut.data.model.naming.NamingStrategy;

/**
 * Columns named exactly like the properties they fill ({@code created_at AS "createdAt"}), for rows that only
 * native statements read. Micronaut Data asks the naming strategy for the column of every value of every row it
 * maps; the default strategy looks the property's annotations up each time, this one answers with the name.
 */
@Introspected
public final class PropertyNamedColumns implements NamingStrategy {

    @Override
    public String mappedName(String name) {
        return name;
    }

    @Override
    public String mappedName(PersistentProperty property) {
        return property.getName();
    }
}
