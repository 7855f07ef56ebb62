package dev.mlledger.bootstrap.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * A route with no security rule at all, on purpose: only in the context that checks that the route-rule walk names
 * such a route ({@link #ENABLED}); nowhere else.
 */
@Requires(property = UnruledProbeController.ENABLED, value = "true")
@Controller("/api/test-probe/unruled")
public class UnruledProbeController {

    public static final String ENABLED = "mlledger.test.unruled-probe";

    @Get
    public String unruled() {
        return "nobody said who may read this";
    }
}
