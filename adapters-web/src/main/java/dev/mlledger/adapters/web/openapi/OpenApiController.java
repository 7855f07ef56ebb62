package dev.mlledger.adapters.web.openapi;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Short addresses for the OpenAPI document ({@code /openapi.yml}) and Swagger UI ({@code /swagger-ui}); the
 * files themselves are static resources under {@code /swagger/**} and {@code /swagger-ui/**}.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/mlledger-1.yml";
    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing: the build did not generate the OpenAPI document");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    public String document() {
        return document;
    }

    @Get("/swagger-ui")
    public HttpResponse<Void> swaggerUi() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}
