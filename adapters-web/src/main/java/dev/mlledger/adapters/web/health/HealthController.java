package dev.mlledger.adapters.web.health;

import dev.mlledger.adapters.web.security.CallerOfRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dev.mlledger.adapters.web.error.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mlledger.application.health.CheckHealth;
import dev.mlledger.application.health.HealthReport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /health}: 200 UP when the database answers, 503 DOWN when it does not (for load balancers). */
@Tag(name = "operations")

@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {

    private final CheckHealth checkHealth;

    private final CallerOfRequest callers;

    public HealthController(CheckHealth checkHealth, CallerOfRequest callers) {
        this.checkHealth = checkHealth;
        this.callers = callers;
    }

    @Operation(summary = "Service health with the database's state", description = "200 {\"status\": \"UP\"} or 503 {\"status\": \"DOWN\"} (application/json in both cases). Public; the database's details only for callers with credentials.")
    @Get
    public HttpResponse<HealthView> health(HttpRequest<?> request) {
        HealthReport report = checkHealth.check();
        HealthView full = HealthView.of(report);
        HealthView body = callers.authenticated(request).isPresent() ? full : full.statusOnly();
        return report.up() ? HttpResponse.ok(body) : HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
