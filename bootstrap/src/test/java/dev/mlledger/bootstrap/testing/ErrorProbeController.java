package dev.mlledger.bootstrap.testing;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import dev.mlledger.domain.storage.StorageUnavailable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.sql.SQLException;
import java.util.UUID;

/** Test-only endpoints that fail in each of the ways the error handling must cover. */
@Controller("/test-probe")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ErrorProbeController {

    @Serdeable
    public record Payload(String name, int count) {
    }

    @Post("/echo")
    public Payload echo(@Body Payload payload) {
        return payload;
    }

    @Get("/items/{id}")
    public String item(@PathVariable UUID id, @QueryValue(value = "min_count", defaultValue = "0") int minCount) {
        return id + "/" + minCount;
    }

    @Get("/bug")
    public String bug() {
        throw new IllegalStateException("secret detail: select * from api_requests", new SQLException("password=hunter2"));
    }

    @Get("/database-down")
    public String databaseDown() {
        throw new StorageUnavailable("connection refused", new SQLException("Connection to 127.0.0.1:5432 refused"));
    }
}
