package dev.mlledger.adapters.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** One fresh database on the {@link TestPostgres} server, for one test class. */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

    /** The settings a Micronaut context needs to run on this database, migrations included. */
    public Map<String, String> micronautProperties() {
        return Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", user,
                "datasources.default.password", password,
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES",
                "flyway.datasources.default.enabled", "true");
    }

    /** The connection settings as arguments of the jar's command lines ({@code -datasources.default.url=…}). */
    public List<String> commandLineSettings() {
        return List.of("-datasources.default.url=" + jdbcUrl, "-datasources.default.username=" + user,
                "-datasources.default.password=" + password);
    }

    /** A plain connection, outside any pool, for a test to look at the rows itself. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
