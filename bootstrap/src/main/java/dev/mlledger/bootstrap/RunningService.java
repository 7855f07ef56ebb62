package dev.mlledger.bootstrap;

import dev.mlledger.bootstrap.database.DatabaseSelection;
import dev.mlledger.bootstrap.database.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The service with everything it owns: the application context, the HTTP server and, when no database URL is
 * configured, the embedded PostgreSQL. Closing it stops them in that order, so the pool has closed before the
 * database goes away.
 */
public final class RunningService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningService.class);

    private static final int MAX_CAUSES = 64;

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Optional<EmbeddedPostgresServer> embeddedDatabase;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RunningService(ApplicationContext context, EmbeddedServer server,
                           Optional<EmbeddedPostgresServer> embeddedDatabase) {
        this.context = context;
        this.server = server;
        this.embeddedDatabase = embeddedDatabase;
    }

    /** Starts the service with command-line style arguments ({@code -micronaut.server.port=8081}). */
    public static RunningService start(String... args) {
        long startedAt = System.nanoTime();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        ApplicationContext context = ApplicationContext.builder()
                .mainClass(Application.class)
                .args(args)
                .build();
        Optional<EmbeddedPostgresServer> embedded = Optional.empty();
        try {
            embedded = DatabaseSelection.apply(context.getEnvironment().start());
            context.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            LOG.info("mlledger started in {} ms, listening on {}", (System.nanoTime() - startedAt) / 1_000_000,
                    server.getURL());
            return new RunningService(context, server, embedded);
        } catch (RuntimeException e) {
            closeQuietly(context);
            embedded.ifPresent(RunningService::closeQuietly);
            throw new StartupFailure(explain(e), e);
        }
    }

    public EmbeddedServer server() {
        return server;
    }

    /** The running application context, for tests that look at its beans (the pool, the configuration). */
    ApplicationContext context() {
        return context;
    }

    /** Blocks until {@link #close()} has run (from a shutdown hook, typically). */
    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("mlledger stopping");
        // the context first: its shutdown stops accepting, lets in-flight requests finish, flushes the request
        // log, then closes the pool; only then the server's last resources and the embedded database
        closeQuietly(context);
        closeQuietly(server::stop);
        embeddedDatabase.ifPresent(RunningService::closeQuietly);
        LOG.info("mlledger stopped");
        stopped.countDown();
    }

    public static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FlywayException flyway) {
                return "the database's migration history does not match this build's migration scripts, "
                        + "or a migration failed: " + flyway.getMessage();
            }
        }
        // the deepest message says what went wrong in the fewest words; the layers above it wrap it (Micronaut's
        // bean errors) or repeat their cause's class name (ExecutionException); a cause without a message
        // (TimeoutException) says nothing an operator can use
        String useful = null;
        Throwable root = failure;
        for (int depth = 0; depth < MAX_CAUSES; depth++) {
            if (isOwnMessage(root)) {
                useful = root.getMessage();
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        if (useful != null) {
            return useful;
        }
        StackTraceElement[] where = root.getStackTrace();
        return "an unexpected " + root.getClass().getName() + " without a message"
                + (where.length == 0 ? "" : ", at " + where[0]);
    }

    private static boolean isOwnMessage(Throwable throwable) {
        String message = throwable.getMessage();
        return message != null && !message.isBlank()
                && (throwable.getCause() == null || !message.equals(throwable.getCause().toString()));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("While stopping: {}", e.getMessage(), e);
        }
    }
}
