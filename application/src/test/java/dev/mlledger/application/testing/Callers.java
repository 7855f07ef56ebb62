package dev.mlledger.application.testing;

import dev.mlledger.domain.access.Caller;
import dev.mlledger.domain.access.Role;

/** Callers for the use-case tests. */
public final class Callers {

    public static final Caller ADMIN = new Caller("root", Role.ADMIN);
    public static final Caller ALICE = new Caller("alice", Role.TRACKER);
    public static final Caller MALLORY = new Caller("mallory", Role.TRACKER);

    private Callers() {
    }
}
