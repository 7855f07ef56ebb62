package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

import java.util.UUID;

/** A param is written once per run and key: logging its key again with another value is refused. */
public class ParamAlreadyLogged extends Conflict {

    private final String key;

    public ParamAlreadyLogged(UUID runId, String key) {
        super("param '" + key + "' of run " + runId + " was logged with another value; a param cannot change");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
