package dev.mlledger.domain.experiment;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/** Driven port: the params of runs, written once per run and key. Call it inside a {@code UnitOfWork}. */
public interface Params {

    /**
     * Stores the params of a run in one round trip whatever their number. A key the run has already with the same
     * value is left as it is; the keys must be distinct.
     *
     * @throws ParamAlreadyLogged when the run has one of the keys with another value (the unit of work must then
     *                            roll back)
     */
    void addAll(UUID runId, Collection<Param> params);

    /** The run's params by key, in key order. */
    SortedMap<String, String> ofRun(UUID runId);

    /** The params of each of the runs (a run without any is left out), in one statement. */
    Map<UUID, SortedMap<String, String>> ofRuns(Collection<UUID> runIds);
}
