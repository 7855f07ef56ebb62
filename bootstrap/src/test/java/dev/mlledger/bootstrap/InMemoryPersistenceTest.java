package dev.mlledger.bootstrap;

import dev.mlledger.bootstrap.testing.InMemorySettings;
import dev.mlledger.adapters.persistence.memory.MemoryUnitOfWork;
import dev.mlledger.bootstrap.database.DatabaseSelection;
import dev.mlledger.bootstrap.testing.RawHttp;
import dev.mlledger.domain.transaction.UnitOfWork;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.mlledger.bootstrap.testing.ProblemAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The service in this JVM on the in-memory adapter, configured as {@code RunningService} configures it (the adapter
 * property, plus what {@link DatabaseSelection} adds for it): no database of any kind behind it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InMemoryPersistenceTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return InMemorySettings.properties();
    }

    @Test
    void there_is_no_data_source_and_units_of_work_run_in_memory() {
        assertFalse(context.containsBean(DataSource.class), "a DataSource bean exists");
        assertInstanceOf(MemoryUnitOfWork.class, context.getBean(UnitOfWork.class));
    }

    @Test
    void health_is_up_and_names_the_in_memory_store() {
        HttpResponse<String> response = new RawHttp(server.getURL()).get("/health");

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = parse(response.body());
        assertEquals("UP", body.get("status"));
        assertEquals(Map.of("status", "UP", "description", "in-memory store"), body.get("database"));
    }
}
