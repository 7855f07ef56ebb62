package dev.mlledger.domain.access;

/** The caller is known but may not do this (answered with 403). */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
