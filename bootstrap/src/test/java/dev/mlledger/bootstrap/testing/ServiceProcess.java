package dev.mlledger.bootstrap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code bootstrap/target/mlledger.jar}) run as users run it: {@code java -jar}, in a process of
 * its own, configured only through its environment and arguments.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar without waiting for it; the environment holds only what {@code environment} gives, and the
     * tests' admin token ({@link TestCredentials#ADMIN_TOKEN}) unless it names {@code MLLEDGER_SECURITY_ADMIN_TOKEN}
     * itself (empty: none).
     */
    public static ServiceProcess launch(Path workDirectory, Map<String, String> environment, String... arguments) {
        String jar = System.getProperty("mlledger.test.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("The service jar is missing (" + jar + "): run through 'mvnw verify'");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar));
        boolean databaseCommand = arguments.length > 0 && arguments[0].equals("db");
        command.addAll(List.of(arguments));
        if (!databaseCommand) {
            command.add("-micronaut.server.port=" + port);
        }
        try {
            Files.createDirectories(workDirectory);
            Path log = Files.createTempFile(workDirectory, "service-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_")
                    || name.startsWith("MICRONAUT_") || name.startsWith("MLLEDGER_") || name.startsWith("FLYWAY_"));
            builder.environment().put("MLLEDGER_SECURITY_ADMIN_TOKEN", TestCredentials.ADMIN_TOKEN);
            builder.environment().putAll(environment);
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and waits until {@code /health} answers 200. */
    public static ServiceProcess startHealthy(Path workDirectory, Map<String, String> environment, String... arguments) {
        ServiceProcess service = launch(workDirectory, environment, arguments);
        service.awaitHealthy();
        return service;
    }

    public RawHttp http() {
        return new RawHttp("http://127.0.0.1:" + port);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command lines of the processes the service started that still run under it. */
    public List<String> descendantCommandLines() {
        return process.descendants().map(child -> child.info().commandLine().orElse("?")).toList();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the service did not exit by itself; log:\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as after an out-of-memory kill: the process ends at once, none of its shutdown runs. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the service did not end within " + STOP_TIMEOUT + " of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as a service manager sends it, then waits for the process to end. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the service did not stop within " + STOP_TIMEOUT + "; log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " while starting; log:\n" + log());
            }
            try {
                HttpResponse<String> health = http().get("/health");
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // keep polling
            }
            sleep(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        throw new AssertionError("the service was not healthy within " + START_TIMEOUT + "; log:\n" + log());
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
