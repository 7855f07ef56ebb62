package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.domain.experiment.Lifecycle;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.validation.InvalidInput;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * How MLflow spells the domain's enums: run statuses in capitals, a completed run {@code FINISHED}; lifecycle stages
 * in lower case; view types ({@code ACTIVE_ONLY}, {@code DELETED_ONLY}, {@code ALL}) as lifecycles to list.
 */
final class MlflowSpellings {

    private MlflowSpellings() {
    }

    static String of(RunStatus status) {
        return status == RunStatus.COMPLETED ? "FINISHED" : status.name();
    }

    static String of(Lifecycle lifecycle) {
        return lifecycle.name().toLowerCase(Locale.ROOT);
    }

    /** A status a client sets: RUNNING, FINISHED, FAILED or KILLED (MLflow's SCHEDULED is not a state mlledger has). */
    static RunStatus runStatus(String field, String text) {
        for (RunStatus status : RunStatus.values()) {
            if (of(status).equals(text)) {
                return status;
            }
        }
        throw new InvalidInput(field, "must be one of RUNNING, FINISHED, FAILED, KILLED");
    }

    /** The lifecycle a view type lists; null (both) for ALL. Absent is ACTIVE_ONLY, as in MLflow. */
    static @Nullable Lifecycle viewType(String field, @Nullable String text) {
        if (text == null || text.isEmpty() || text.equals("ACTIVE_ONLY")) {
            return Lifecycle.ACTIVE;
        }
        return switch (text) {
            case "DELETED_ONLY" -> Lifecycle.DELETED;
            case "ALL" -> null;
            default -> throw new InvalidInput(field, "must be one of ACTIVE_ONLY, DELETED_ONLY, ALL");
        };
    }
}
