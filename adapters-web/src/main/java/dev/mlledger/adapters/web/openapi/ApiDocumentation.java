package dev.mlledger.adapters.web.openapi;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OpenAPI document's header; micronaut-openapi writes the document at build time from the controllers. */
@OpenAPIDefinition(
        info = @Info(title = "mlledger", version = "1",
                description = "Scores and records ML predictions; tracks ML experiments. Every 4xx/5xx answer is "
                        + "application/problem+json (RFC 9457) with type, title, status, detail and, for field "
                        + "problems, errors[{field, message}]. Times are ISO-8601 with an offset; ids are UUIDs. "
                        + "Every route but /health and this document needs credentials: an API token as "
                        + "`Authorization: Bearer mll_…` (or as the password of HTTP Basic), or an identity "
                        + "provider's JWT; the roles are reader (every GET), scorer (predict, record), tracker "
                        + "(experiments, runs, metrics) and admin (everything, retention, tokens).",
                license = @License(name = "Apache-2.0")),
        tags = {
                @Tag(name = "predictions", description = "Score, record and list predictions"),
                @Tag(name = "analytics", description = "Risk distribution, summary, recent high-risk"),
                @Tag(name = "request log", description = "Logged API requests and retention"),
                @Tag(name = "model", description = "The attrition model"),
                @Tag(name = "experiments", description = "Experiments, runs and metrics"),
                @Tag(name = "operations", description = "Health"),
                @Tag(name = "security", description = "API tokens and who you are")
        },
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "mll_… API token or JWT",
        description = "An API token (java -jar mlledger.jar token create, or POST /api/v1/tokens), or an identity provider's JWT")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Any user name, an API token as the password (for clients that only know user and password)")
public final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
