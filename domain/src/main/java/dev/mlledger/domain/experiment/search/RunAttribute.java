package dev.mlledger.domain.experiment.search;

import dev.mlledger.domain.experiment.RunStatus;

import java.util.Locale;
import java.util.UUID;

/**
 * What a run search may compare or order by besides metrics, params and tags: the attributes of MLflow's
 * {@code RunInfo} that mlledger keeps. Text attributes compare with text, time attributes with milliseconds since
 * the epoch (MLflow's int64 times).
 */
public enum RunAttribute {
    /** The run's id as 32 lowercase hex digits, MLflow's spelling of a UUID. */
    RUN_ID("run_id", false),
    RUN_NAME("run_name", false),
    /** Who started the run (MLflow's {@code user_id}). */
    USER_ID("user_id", false),
    /** {@code RUNNING}, {@code FINISHED}, {@code FAILED} or {@code KILLED}, as MLflow spells a run's status. */
    STATUS("status", false),
    START_TIME("start_time", true),
    END_TIME("end_time", true);

    private final String key;
    private final boolean time;

    RunAttribute(String key, boolean time) {
        this.key = key;
        this.time = time;
    }

    /** The attribute's name in the grammar: {@code attributes.start_time}. */
    public String key() {
        return key;
    }

    /** Whether it compares with milliseconds since the epoch (else with text). */
    public boolean isTime() {
        return time;
    }

    /** A run id as the grammar compares it: 32 lowercase hex digits, MLflow's spelling. */
    public static String runIdText(UUID id) {
        return id.toString().replace("-", "");
    }

    /** A status as the grammar compares it: MLflow's names, FINISHED for a completed run. */
    public static String statusText(RunStatus status) {
        return status == RunStatus.COMPLETED ? "FINISHED" : status.name().toUpperCase(Locale.ROOT);
    }
}
