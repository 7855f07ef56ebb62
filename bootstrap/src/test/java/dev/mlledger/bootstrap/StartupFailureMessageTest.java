package dev.mlledger.bootstrap;

import dev.mlledger.bootstrap.database.DataDirectoryInUse;
import dev.mlledger.bootstrap.database.DataDirectoryLock;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator reads after "mlledger did not start:": the cause chain's useful message, never a bare class name. */
class StartupFailureMessageTest {

    @TempDir
    Path work;

    @Test
    void a_data_directory_in_use_is_reported_in_its_own_words_through_every_wrapper() {
        Path dataDirectory = work.resolve("pgdata");
        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(dataDirectory)) {
            DataDirectoryInUse inUse = assertThrows(DataDirectoryInUse.class, () -> DataDirectoryLock.acquire(dataDirectory));

            String explained = RunningService.explain(new RuntimeException(new ExecutionException(inUse)));

            assertEquals(inUse.getMessage(), explained);
            assertTrue(explained.startsWith("data directory " + dataDirectory + " is in use by pid "
                    + ProcessHandle.current().pid()), explained);
        }
    }

    @Test
    void a_cause_without_a_message_under_one_with_a_message_is_reported_by_that_message() {
        IllegalStateException stillHeld = new IllegalStateException(
                "PostgreSQL process 123 still holds /srv/pgdata; stop it and start mlledger again", new TimeoutException());

        assertEquals(stillHeld.getMessage(), RunningService.explain(new RuntimeException(stillHeld)));
    }

    @Test
    void the_deepest_message_wins_over_the_wrappers_around_it() {
        BeanInstantiationException wrapper = new BeanInstantiationException("Error instantiating bean of type "
                + "[javax.sql.DataSource]: Connection to 127.0.0.1:1 refused",
                new IllegalStateException("Connection to 127.0.0.1:1 refused"));

        assertEquals("Connection to 127.0.0.1:1 refused", RunningService.explain(wrapper));
    }

    @Test
    void a_chain_without_any_message_says_so_and_where_it_was_thrown_rather_than_only_a_class_name() {
        String explained = RunningService.explain(new ExecutionException(new TimeoutException()));

        assertTrue(explained.startsWith("an unexpected java.util.concurrent.TimeoutException without a message, at "
                + StartupFailureMessageTest.class.getName()), explained);
    }
}
