package dev.mlledger.bootstrap.ui;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the browser suite only where Debian's chromium and chromium-driver are installed, and says so loudly where
 * they are not: a skipped suite is reported with its reason, on standard error and as the JUnit skip reason, so
 * that a machine without Chromium never passes it silently. {@code .ci/run} installs both.
 */
public final class ChromiumAvailable implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getProperty("mlledger.ui.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("mlledger.ui.chromedriver", "/usr/bin/chromedriver"));
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /** Why the browser suite cannot run here, if it cannot. */
    static Optional<String> missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of(CHROMIUM + " is not installed");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of(CHROMEDRIVER + " is not installed");
        }
        return Optional.empty();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
        }
        String reason = "BROWSER SUITE DID NOT RUN: " + missing.get()
                + "; install them with 'apt-get install -y chromium chromium-driver' (.ci/run does)";
        if (TOLD.compareAndSet(false, true)) {
            // Surefire sends a test's System.err to a report file; the process's own stderr reaches the build's console
            new PrintStream(new FileOutputStream(FileDescriptor.err), true).println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
