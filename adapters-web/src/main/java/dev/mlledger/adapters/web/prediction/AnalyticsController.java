package dev.mlledger.adapters.web.prediction;

import dev.mlledger.adapters.web.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.mlledger.adapters.web.binding.Violations;
import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.adapters.web.error.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mlledger.adapters.web.paging.CursorCodec;
import dev.mlledger.adapters.web.paging.CursorQuery;
import dev.mlledger.adapters.web.paging.PageView;
import dev.mlledger.adapters.web.paging.QueryValues;
import dev.mlledger.application.analytics.AnalyzeRisk;
import dev.mlledger.application.analytics.RiskSummary;
import dev.mlledger.application.prediction.FindPredictions;
import dev.mlledger.domain.paging.PageLimit;
import dev.mlledger.domain.validation.Checks;
import dev.mlledger.domain.validation.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/analytics}: risk distribution, summary, recent high-risk predictions. */
@Tag(name = "analytics")
@ApiResponse(responseCode = "400", description = "Malformed JSON, a wrong type, a missing or out-of-range field, a bad UUID or cursor", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "The database could not do the work now: unreachable, restarting, out of connections, or in conflict after retries (Retry-After is set)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The principal's role may not use this route", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/analytics")
@Secured(Roles.READER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AnalyticsController {

    private static final int DEFAULT_HIGH_RISK_DAYS = 30;

    private final AnalyzeRisk analyzeRisk;
    private final FindPredictions findPredictions;
    private final CursorCodec cursors;

    public AnalyticsController(AnalyzeRisk analyzeRisk, FindPredictions findPredictions, CursorCodec cursors) {
        this.analyzeRisk = analyzeRisk;
        this.findPredictions = findPredictions;
        this.cursors = cursors;
    }

    @Operation(summary = "How many predictions fell in each risk level", description = "Every level is present, zeros included. Answered from hourly and daily roll-ups: the cost does not grow with the number of predictions. With principal, only the predictions of requests that principal made (read from the predictions themselves).")
    @Get("/risk-distribution")
    public Map<String, Long> riskDistribution(@Nullable @QueryValue("from") String from,
                                              @Nullable @QueryValue("to") String to,
                                              @Nullable @QueryValue("model_version") String modelVersion,
                                              @Nullable @QueryValue("principal") String principal) {
        List<Violation> violations = new ArrayList<>();
        Instant fromInstant = QueryValues.instant(violations, "from", from);
        Instant toInstant = QueryValues.instant(violations, "to", to);
        Checks.throwIfAny(violations);
        Map<String, Long> body = new LinkedHashMap<>();
        analyzeRisk.distribution(fromInstant, toInstant, modelVersion, principal)
                .forEach((level, count) -> body.put(Spellings.of(level), count));
        return body;
    }

    @Operation(summary = "Total, average attrition probability and count per model version", description = "average_attrition_prob is null when the range holds no prediction.")
    @Get("/summary")
    public SummaryView summary(@Nullable @QueryValue("from") String from, @Nullable @QueryValue("to") String to,
                               @Nullable @QueryValue("principal") String principal) {
        List<Violation> violations = new ArrayList<>();
        Instant fromInstant = QueryValues.instant(violations, "from", from);
        Instant toInstant = QueryValues.instant(violations, "to", to);
        Checks.throwIfAny(violations);
        RiskSummary summary = analyzeRisk.summary(fromInstant, toInstant, principal);
        return new SummaryView(summary.total(), summary.averageAttritionProb(), summary.byModelVersion());
    }

    @Operation(summary = "HIGH-risk predictions of the last N days, newest first", description = "days 1-36500 (default 30); paged like the prediction list.")
    @Get("/high-risk")
    public PageView<PredictionView> highRisk(@Nullable @QueryValue("days") Integer days,
                                             @Nullable @QueryValue("principal") String principal,
                                             @Nullable @QueryValue("limit") Integer limit,
                                             @Nullable @QueryValue("cursor") String cursor) {
        int window = days == null ? DEFAULT_HIGH_RISK_DAYS : days;
        PageLimit pageLimit = Violations.under("limit",
                () -> PageLimit.of(limit, FindPredictions.DEFAULT_LIMIT, FindPredictions.MAX_LIMIT));
        String query = CursorQuery.of("high-risk").with("days", window).with("principal", principal).toString();
        return PredictionController.page(findPredictions.highRisk(window, principal, cursors.decode(cursor, query), pageLimit),
                query, cursors);
    }
}
