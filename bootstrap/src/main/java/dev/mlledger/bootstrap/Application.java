package dev.mlledger.bootstrap;

import dev.mlledger.bootstrap.cli.DatabaseCli;
import dev.mlledger.bootstrap.cli.TokenCli;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Starts mlledger: {@code java -jar mlledger.jar}, or its database CLI ({@code java -jar mlledger.jar db …}) or its
 * token CLI ({@code java -jar mlledger.jar token …}).
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("db")) {
            System.exit(new DatabaseCli(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(new TokenCli(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        RunningService service;
        try {
            service = RunningService.start(args);
        } catch (StartupFailure failure) {
            LOG.error("mlledger did not start: {}", failure.getMessage());
            LOG.debug("Start-up failure", failure);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "mlledger-shutdown"));
        service.awaitStop();
    }
}
