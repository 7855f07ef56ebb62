package dev.mlledger.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts mlledger: {@code java -jar mlledger.jar}. */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
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
