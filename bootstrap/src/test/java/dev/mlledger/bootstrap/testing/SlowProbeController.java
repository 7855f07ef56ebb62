package dev.mlledger.bootstrap.testing;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * A test-only API endpoint that takes as long as asked, so that a logged duration can be checked against it. Only in
 * tests that ask for it ({@link #ENABLED}): it is no route of the documented API.
 */
@Requires(property = SlowProbeController.ENABLED, value = "true")
@Controller("/api/test-probe")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlowProbeController {

    public static final String ENABLED = "mlledger.test.slow-probe";

    @Get("/slow")
    public String slow(@QueryValue int ms) throws InterruptedException {
        Thread.sleep(ms);
        return "slept " + ms;
    }
}
