package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.experiment.Run;

import java.util.Objects;

/** A run a search selected, and where it stands in the search's order (what the next page starts after). */
public record RunMatch(Run run, RunPosition position) {

    public RunMatch {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(position, "position");
    }
}
