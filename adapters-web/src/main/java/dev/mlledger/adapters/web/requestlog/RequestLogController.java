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
import dev.mlledger.adapters.web.document.JsonDocuments;
import dev.mlledger.adapters.web.prediction.PredictionView;
import dev.mlledger.application.requestlog.FindRequest;
import dev.mlledger.application.requestlog.RequestDetails;
import dev.mlledger.domain.requestlog.RequestLogEntry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.UUID;

/** {@code GET /api/v1/requests/{id}}: a logged request with its predictions. */
@Tag(name = "request log")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such resource", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/requests")
@Secured(Roles.READER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RequestLogController {

    private final FindRequest findRequest;
    private final JsonDocuments documents;

    public RequestLogController(FindRequest findRequest, JsonDocuments documents) {
        this.findRequest = findRequest;
        this.documents = documents;
    }

    @Operation(summary = "A logged API request with the predictions it made")
    @Get("/{id}")
    public RequestView byId(@PathVariable UUID id) {
        RequestDetails details = findRequest.byId(id);
        RequestLogEntry entry = details.request();
        return new RequestView(entry.id(), entry.createdAt(), entry.endpoint(), entry.method(),
                documents.tree(entry.requestData()), entry.clientIp(), entry.userAgent(), entry.httpStatus(),
                entry.responseTimeMs(), entry.caller() == null ? null : entry.caller().name(),
                entry.caller() == null ? null : entry.caller().role().spelling(), details.predictions().stream()
                .map(p -> PredictionView.of(p, documents.tree(p.featuresSnapshot())))
                .toList());
    }
}
