package dev.mlledger.adapters.web.requestlog;

import dev.mlledger.adapters.web.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.mlledger.adapters.web.error.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mlledger.application.requestlog.PurgeRequestLog;
import dev.mlledger.domain.requestlog.PurgeResult;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code DELETE /api/v1/retention?older_than_days=N}: purge old request-log entries and their predictions. */
@Tag(name = "request log")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/retention")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RetentionController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RetentionView(long deletedRequests, long deletedPredictions) {
    }

    private final PurgeRequestLog purgeRequestLog;

    public RetentionController(PurgeRequestLog purgeRequestLog) {
        this.purgeRequestLog = purgeRequestLog;
    }

    @Operation(summary = "Purge request-log rows older than N days, with their predictions", description = "Deletes in bounded chunks (one transaction each) and keeps the analytics roll-ups consistent with what remains. older_than_days is required, 1-36500.")
    @Delete
    public RetentionView purge(@QueryValue("older_than_days") int olderThanDays) {
        PurgeResult result = purgeRequestLog.purgeOlderThan(olderThanDays);
        return new RetentionView(result.deletedRequests(), result.deletedPredictions());
    }
}
