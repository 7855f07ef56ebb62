package dev.mlledger.bootstrap.ui;

import dev.mlledger.bootstrap.testing.InMemorySettings;
import dev.mlledger.bootstrap.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UI's files come from the jar, to anyone without credentials, with or without a browser on the machine. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiAssetsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return InMemorySettings.properties();
    }

    @Test
    void the_root_and_a_bare_ui_path_redirect_to_the_ui_page() {
        for (String path : new String[]{"/", "/ui"}) {
            HttpResponse<String> redirect = http().get(path);
            assertEquals(303, redirect.statusCode(), path);
            assertEquals("/ui/", redirect.headers().firstValue("Location").orElse(null), path);
        }
    }

    @Test
    void the_ui_page_its_modules_and_the_chart_library_with_its_licence_are_served_from_the_jar() {
        HttpResponse<String> page = http().get("/ui/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("<script type=\"module\" src=\"/ui/js/app.js\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self';"),
                "no script but the service's own may run in the page: " + page.headers());
        for (String asset : new String[]{"/ui/js/app.js", "/ui/js/pages/experiment.js", "/ui/css/app.css",
                "/ui/vendor/uplot/1.6.30/dist/uPlot.esm.js", "/ui/vendor/uplot/1.6.30/dist/uPlot.min.css",
                "/ui/vendor/uplot/1.6.30/LICENSE"}) {
            assertEquals(200, http().get(asset).statusCode(), asset);
        }
        assertTrue(http().get("/ui/js/vendor.js").body().contains("../vendor/uplot/1.6.30/dist/uPlot.esm.js"),
                "the module that loads uPlot names the webjar's version");
        assertEquals(404, http().get("/ui/js/no-such-module.js").statusCode());
    }

    private RawHttp http() {
        return new RawHttp(server.getURL()).anonymous();
    }
}
