package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

/** A status change the rules do not allow (completed → running, …). */
public class InvalidTransition extends Conflict {

    public InvalidTransition(String what, String from, String to) {
        super(what + " cannot go from " + from + " to " + to);
    }
}
