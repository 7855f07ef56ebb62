package dev.mlledger.bootstrap.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.security.Principal;

/**
 * A test-only stand-in for authentication: the request's principal is named by its {@value #HEADER} header, so
 * that a test can be two callers. Only in tests that ask for it ({@link #ENABLED}).
 */
@Requires(property = TestCallerFilter.ENABLED, value = "true")
@ServerFilter("/api/**")
public class TestCallerFilter {

    public static final String ENABLED = "mlledger.test.caller-header";
    public static final String HEADER = "X-Test-Caller";

    @RequestFilter
    public void signIn(HttpRequest<?> request) {
        String caller = request.getHeaders().get(HEADER);
        if (caller != null) {
            Principal principal = () -> caller;
            request.setAttribute(HttpAttributes.PRINCIPAL, principal);
        }
    }
}
