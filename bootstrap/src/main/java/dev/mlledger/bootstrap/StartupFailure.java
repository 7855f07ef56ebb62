package dev.mlledger.bootstrap;

/** The service could not start; the message says why in the operator's words. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
