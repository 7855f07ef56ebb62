package dev.mlledger.domain.validation;

/** The thing a client named does not exist. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
