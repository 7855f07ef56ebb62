package dev.mlledger.adapters.web.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The web UI's front door. Its assets are static resources in {@code ui/} (served at {@code /ui/**} by the
 * static-resources configuration in bootstrap's application.yml); its pages call only the public {@code /api/v1}.
 * The static-resource handler does not answer a bare folder, so {@code /ui/} gets the page from here. The page and
 * its assets need no credentials: the token is given on the page, and every API call is checked on its own.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class UiController {

    static final String INDEX = "ui/index.html";
    /**
     * The page runs only the service's own scripts and talks only to the service: an injected script could read the
     * signed-in token from sessionStorage, so none may run. Styles may be inline (the chart library sizes its
     * elements with them).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final URI UI = URI.create("/ui/");

    private final String index;

    public UiController() {
        try (InputStream in = UiController.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is missing from the classpath");
            }
            this.index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/")
    public HttpResponse<Void> root() {
        return HttpResponse.seeOther(UI);
    }

    /** Micronaut routes {@code /ui} and {@code /ui/} here alike; only the latter may serve the page (relative links). */
    @Get(value = "/ui", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> page(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.seeOther(UI);
        }
        return HttpResponse.ok(index)
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
