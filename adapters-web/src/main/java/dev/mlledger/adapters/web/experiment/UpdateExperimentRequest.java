package dev.mlledger.adapters.web.experiment;

import dev.mlledger.domain.experiment.Experiment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code PATCH /api/v1/experiments/{id}}: name, description, status, or any of them. A class with setters rather than a record,
 * because {@code "description": null} (clear it) and no description (keep it) mean different things.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "UpdateExperimentRequest", description = "name, description, status, or any of them")
public final class UpdateExperimentRequest {

    private String name;
    private String description;
    private boolean descriptionGiven;
    private String status;

    @Nullable
    @Schema(minLength = 1, maxLength = Experiment.NAME_MAX,
            description = "A new name, which no other experiment (active or deleted) may have")
    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    @Nullable
    @Schema(maxLength = Experiment.DESCRIPTION_MAX, description = "null clears it")
    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
        this.descriptionGiven = true;
    }

    /** Whether the body named a description at all, null included. */
    public boolean descriptionGiven() {
        return descriptionGiven;
    }

    @Nullable
    @Schema(allowableValues = {"created", "running", "completed", "failed"},
            description = "created → running → completed | failed; anything else is 409")
    public String getStatus() {
        return status;
    }

    public void setStatus(@Nullable String status) {
        this.status = status;
    }
}
