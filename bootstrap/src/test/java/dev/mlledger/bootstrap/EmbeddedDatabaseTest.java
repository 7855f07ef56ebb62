package dev.mlledger.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on the embedded PostgreSQL it starts itself when no database URL is given, seen through its own pool. */
class EmbeddedDatabaseTest {

    @TempDir
    Path work;

    @Test
    void the_embedded_postgres_the_pool_writes_to_flushes_every_commit_to_disk_fsync_and_full_page_writes_on()
            throws SQLException, IOException {
        Path dataDirectory = work.resolve("pgdata");

        try (RunningService service = RunningService.start("-micronaut.server.port=-1",
                "-mlledger.embedded-db.dir=" + dataDirectory)) {
            DataSource pool = DelegatingDataSource.unwrapDataSource(service.context().getBean(DataSource.class));
            assertInstanceOf(HikariDataSource.class, pool, "the service's own connection pool");

            assertTrue(Files.isSameFile(dataDirectory, Path.of(show(pool, "data_directory"))),
                    "the pool is connected to the embedded server on " + dataDirectory);
            assertEquals("on", show(pool, "fsync"));
            assertEquals("on", show(pool, "full_page_writes"));
            assertEquals("on", show(pool, "synchronous_commit"));
        }
    }

    private static String show(DataSource pool, String setting) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SHOW " + setting)) {
            assertTrue(value.next());
            return value.getString(1);
        }
    }
}
