package dev.mlledger.domain.experiment;

import dev.mlledger.domain.validation.Conflict;

/** An experiment (active or deleted) already has the name, where names must be unique. */
public class ExperimentNameTaken extends Conflict {

    private final String name;

    public ExperimentNameTaken(String name) {
        super("an experiment named '" + name + "' exists already (perhaps deleted)");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
