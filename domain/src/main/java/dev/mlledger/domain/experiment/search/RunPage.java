package dev.mlledger.domain.experiment.search;

import java.util.List;

/** One page of a run search, and where the next one starts (null when this is the last). */
public record RunPage(List<FoundRun> runs, RunPosition next) {

    public RunPage {
        runs = List.copyOf(runs);
    }
}
