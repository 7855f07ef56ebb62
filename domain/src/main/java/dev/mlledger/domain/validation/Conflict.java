package dev.mlledger.domain.validation;

/** The request conflicts with the current state of what it names (answered with 409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
