package dev.mlledger.bootstrap.ui;

import dev.mlledger.bootstrap.testing.ProblemAssertions;
import dev.mlledger.bootstrap.testing.TestCredentials;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web UI in a real browser (headless Debian chromium), on a service seeded through its API. A subclass per
 * persistence adapter starts the service; every page is walked, its numbers compared with the API's answers, and
 * a screenshot of each is saved under {@code target/ui-screenshots/}. The browser console must stay free of
 * warnings and errors, except the network errors a test provokes on purpose.
 */
@ExtendWith(ChromiumAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UiBrowserSuite {

    /** The admin token the tests' configuration seeds ({@code application-test.yml}). */
    private static final String ADMIN_TOKEN = TestCredentials.ADMIN_TOKEN;
    private static final int LOSS_POINTS = 100_000;
    private static final Pattern NETWORK_ERROR = Pattern.compile("Failed to load resource: the server responded with a status of (\\d+)");

    private static Browser sharedBrowser;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private BearerApi api;
    private final List<Integer> expectedNetworkErrors = new ArrayList<>();
    /** Every point of a seeded curve as the API answers it, by "run/metric" (the seeded curves do not change). */
    private final Map<String, List<Map<String, Object>>> curves = new java.util.HashMap<>();

    private String churnExperiment;
    private String baselineExperiment;
    private String longRun;
    private String shortRun;
    private String runningRun;
    private String batchRequest;
    private boolean batchMovedBack;

    /** Screenshots are named {@code <adapter>-<page>.png}. */
    protected abstract String adapter();

    /** Moves a logged request and its predictions back in time, where the adapter can; false where it cannot. */
    protected abstract boolean moveBack(String requestId, Duration age);

    /**
     * Stores a long decaying curve of a run without the API, where the adapter allows (100,000 points through the
     * API take PostgreSQL many seconds); false where it does not, and the suite logs it through the API.
     */
    protected abstract boolean storeCurveDirectly(String runId, String name, int points);

    @BeforeAll
    void seedAndOpenTheBrowser() {
        long started = System.nanoTime();
        CompletableFuture<Browser> starting = CompletableFuture.supplyAsync(UiBrowserSuite::sharedBrowser);
        api = new BearerApi(server.getURL().toString(), ADMIN_TOKEN);
        seedPredictions();
        seedExperiments();
        long seeded = System.nanoTime();
        browser = starting.join().at(server.getURL().toString());
        System.out.printf("UI suite (%s): seeded in %d ms, then waited %d ms for the browser%n", adapter(),
                (seeded - started) / 1_000_000, (System.nanoTime() - seeded) / 1_000_000);
    }

    /** One Chromium for every class of the run (starting one takes seconds), quit when the test JVM ends. */
    private static synchronized Browser sharedBrowser() {
        if (sharedBrowser == null) {
            Browser started = new Browser(Path.of("target", "ui-screenshots"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "quit-chromium"));
            sharedBrowser = started;
        }
        return sharedBrowser;
    }

    @BeforeEach
    void startSignedOut() {
        browser.resize(Browser.DESKTOP);
        browser.open("signin");
        browser.js("sessionStorage.removeItem('mlledger.token'); sessionStorage.removeItem('mlledger.user');");
        browser.consoleProblems();
        expectedNetworkErrors.clear();
    }

    @AfterEach
    void theConsoleStayedClean() {
        List<String> unexpected = new ArrayList<>();
        for (String problem : browser.consoleProblems()) {
            var network = NETWORK_ERROR.matcher(problem);
            if (!(network.find() && expectedNetworkErrors.contains(Integer.parseInt(network.group(1))))) {
                unexpected.add(problem);
            }
        }
        assertEquals(List.of(), unexpected, "the browser console has warnings or errors");
    }

    @Test
    void signing_in_opens_the_overview_whose_tiles_and_stacked_chart_hold_the_api_numbers() {
        signIn(ADMIN_TOKEN);
        assertEquals("#/overview", browser.currentHash());
        Map<String, Object> chart = json(browser.await("the risk chart was drawn",
                "document.getElementById('risk-chart')?.dataset.chart"));
        List<Map<String, Object>> buckets = list(chart.get("buckets"));
        assertEquals(24, buckets.size(), "the last 24 hours, per hour");
        long charted = 0;
        for (Map<String, Object> bucket : buckets) {
            Map<String, Object> answer = api.get("/api/v1/analytics/risk-distribution?from=" + bucket.get("from") + "&to=" + bucket.get("to"));
            for (String level : List.of("LOW", "MEDIUM", "HIGH")) {
                assertEquals(number(answer.get(level)), number(bucket.get(level)), level + " in the bucket from " + bucket.get("from"));
                charted += number(bucket.get(level));
            }
        }
        String from = (String) buckets.getFirst().get("from");
        String to = (String) buckets.getLast().get("to");
        Map<String, Object> summary = api.get("/api/v1/analytics/summary?from=" + from + "&to=" + to);
        assertEquals(number(summary.get("total")), charted, "the chart holds every prediction of the range");
        assertTrue(charted >= 37, "the seeded predictions are in the chart: " + charted);
        assertEquals(number(summary.get("total")), digits(browser.text("[data-testid=total]")));
        Map<String, Object> distribution = api.get("/api/v1/analytics/risk-distribution?from=" + from + "&to=" + to);
        for (String level : List.of("LOW", "MEDIUM", "HIGH")) {
            assertEquals(number(distribution.get(level)), digits(browser.text("[data-testid=level-" + level + "]")), level);
        }
        for (var colour : Map.of("LOW", "#2e8b57", "MEDIUM", "#d98e04", "HIGH", "#c0392b").entrySet()) {
            long painted = browser.pixelsOfColour("#risk-chart", colour.getValue());
            assertTrue(painted > 50, colour.getKey() + " bars were painted: " + painted + " pixels of " + colour.getValue());
        }
        long highRiskRows = browser.all("#high-risk-table tbody tr").size();
        assertEquals(Math.min(10, api.all("/api/v1/analytics/high-risk?days=7&limit=500").size()), highRiskRows);
        if (batchMovedBack) {
            assertTrue(buckets.stream().filter(b -> number(b.get("LOW")) + number(b.get("MEDIUM")) + number(b.get("HIGH")) > 0).count() >= 2,
                    "predictions moved five hours back fill a bucket of their own");
        }
        browser.screenshot(adapter() + "-overview");

        browser.andWait(() -> browser.find("[data-testid=level-HIGH]").click());

        assertTrue(browser.currentHash().contains("risk_level=HIGH"), browser.currentHash());
        List<WebElement> rows = browser.all("#prediction-table tbody tr");
        assertEquals(Math.min(50, number(distribution.get("HIGH"))), rows.size());
        rows.forEach(row -> assertTrue(row.getText().contains("HIGH"), row.getText()));
    }

    @Test
    void the_prediction_list_applies_every_filter_pages_with_load_more_and_opens_the_logged_request() {
        signIn(ADMIN_TOKEN);
        browser.open("predictions?model_version=xgb-2.0&limit=20");
        assertEquals(20, browser.all("#prediction-table tbody tr").size());
        browser.find("#load-more").click();
        browser.await("the second page was added", "document.querySelectorAll('#prediction-table tbody tr').length === 25");
        assertFalse(browser.find("#load-more").isDisplayed(), "nothing more to load");
        assertEquals(ids(api.all("/api/v1/predictions?model_version=xgb-2.0&limit=500")), shownPredictions());
        browser.screenshot(adapter() + "-predictions");

        new Select(browser.find("#f-risk_level")).selectByValue("MEDIUM");
        browser.find("[name=min_prob]").sendKeys("0.4");
        browser.find("[name=max_prob]").sendKeys("0.55");
        browser.andWait(() -> browser.find("#prediction-filters button[type=submit]").click());
        String hash = browser.currentHash();
        for (String filter : List.of("risk_level=MEDIUM", "min_prob=0.4", "max_prob=0.55", "model_version=xgb-2.0", "limit=20")) {
            assertTrue(hash.contains(filter), filter + " is in the link " + hash);
        }
        Set<Object> expected = ids(api.all("/api/v1/predictions?model_version=xgb-2.0&risk_level=MEDIUM&min_prob=0.4&max_prob=0.55"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, shownPredictions());

        String from = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        String to = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
        browser.open("predictions?employee_id=UI-7&from=" + from + "&to=" + to);
        assertEquals(ids(api.all("/api/v1/predictions?employee_id=UI-7&from=" + from + "&to=" + to)), shownPredictions());
        assertEquals(from.substring(0, 16), browser.find("[name=from]").getAttribute("value"), "the filter form shows the link's filters");

        browser.andWait(() -> browser.find("#prediction-table tbody tr a[href*='requests/']").click());
        String requestId = browser.currentHash().replaceAll("^#/requests/([^?]+).*$", "$1");
        Map<String, Object> logged = api.get("/api/v1/requests/" + requestId);
        assertEquals("POST", browser.text("[data-field=method]"));
        assertEquals("/api/v1/predictions", browser.text("[data-field=endpoint]"));
        assertEquals(String.valueOf(logged.get("http_status")), browser.text("[data-field=http_status]"));
        assertEquals(logged.get("response_time_ms") + " ms", browser.text("[data-field=response_time_ms]"));
        assertEquals(String.valueOf(logged.getOrDefault("principal", "—")), browser.text("[data-field=principal]"));
        assertTrue(browser.text("#request-body").contains("\"employee_id\": \"UI-7\""), browser.text("#request-body"));
        assertEquals(1, browser.all("#request-predictions tbody tr.current").size(), "the prediction we came from is marked");
        browser.screenshot(adapter() + "-request");

        browser.andWait(() -> browser.find("a[data-field=principal]").click());
        assertTrue(browser.currentHash().contains("principal="), browser.currentHash());
        assertEquals(ids(api.all("/api/v1/predictions?limit=500&principal=" + logged.get("principal"))), shownPredictions(),
                "the principal's predictions (first page)");

        browser.open("requests/" + batchRequest);
        assertEquals(12, browser.all("#request-predictions tbody tr").size(), "the other predictions of a batch request");
        browser.andWait(() -> browser.find("#request-predictions tbody tr a").click());
        assertTrue(browser.present("#features-snapshot"), "the prediction shows its features");
        assertTrue(browser.text("#features-snapshot").contains("monthly_income"), browser.text("#features-snapshot"));
        browser.screenshot(adapter() + "-prediction");
    }

    @Test
    void experiments_show_their_run_counts_and_selected_runs_overlay_curves_drawn_from_every_api_point() {
        signIn(ADMIN_TOKEN);
        browser.open("experiments");
        assertEquals("3", browser.text("tr[data-experiment='" + churnExperiment + "'] [data-field=run_count]"));
        assertEquals("0", browser.text("tr[data-experiment='" + baselineExperiment + "'] [data-field=run_count]"));
        browser.screenshot(adapter() + "-experiments");
        browser.find("#experiment-filters [name=owner]").sendKeys("bob");
        browser.andWait(() -> browser.find("#experiment-filters button[type=submit]").click());
        assertEquals(ids(api.all("/api/v1/experiments?owner=bob")), new HashSet<>(attributes("#experiment-table tbody tr", "data-experiment")));

        browser.open("experiments/" + churnExperiment);
        assertEquals(3, browser.all("#runs-table tbody tr").size());
        Map<String, Object> latest = map(api.get("/api/v1/runs/" + longRun).get("latest_metrics"));
        assertEquals(String.valueOf(Double.parseDouble(browser.text("tr[data-run='" + longRun + "'] td[data-metric=loss]"))),
                String.valueOf(Double.parseDouble(String.format(Locale.ROOT, "%.6g", ((Number) latest.get("loss")).doubleValue()))));
        browser.find("button.sort[data-sort=seed]").click();
        assertEquals("ascending", browser.find("button.sort[data-sort=seed]").findElement(org.openqa.selenium.By.xpath("..")).getAttribute("aria-sort"));
        assertEquals(List.of(longRun, shortRun, runningRun), attributes("#runs-table tbody tr", "data-run"));
        browser.find("button.sort[data-sort=seed]").click();
        assertEquals(List.of(runningRun, shortRun, longRun), attributes("#runs-table tbody tr", "data-run"));

        new Select(browser.find("#compare-metric")).selectByValue("loss");
        browser.find("tr[data-run='" + longRun + "'] .select-run").click();
        browser.find("tr[data-run='" + shortRun + "'] .select-run").click();
        Map<String, Object> drawn = compareChart(2);
        assertEquals("loss", browser.find("#compare-chart").getAttribute("data-metric"));
        Map<String, Object> longCurve = curveOf(drawn, longRun);
        assertCurveIsTheApis(longCurve, longRun, "loss");
        assertCurveIsTheApis(curveOf(drawn, shortRun), shortRun, "loss");
        assertTrue(number(longCurve.get("drawn")) < LOSS_POINTS / 10, "a 100,000-point curve is downsampled: " + longCurve);
        for (String colour : List.of("#1f5fbf", "#d9480f")) {
            assertTrue(browser.pixelsOfColour("#compare-chart", colour) > 50, "the curve in " + colour + " was painted");
        }
        long drawMillis = number(drawn.get("draw_ms"));
        System.out.println("UI: 100,000-point curve and a 2,000-point curve drawn in " + drawMillis + " ms (" + adapter() + ")");
        assertTrue(drawMillis < 1000, "curves of 100,000 points draw in under a second, not " + drawMillis + " ms");
        String hash = browser.currentHash();
        assertTrue(hash.contains("runs=") && hash.contains(longRun) && hash.contains(shortRun) && hash.contains("metric=loss"), hash);

        browser.find("#compare-log").click();
        assertEquals(Boolean.TRUE, compareChart(2).get("log"));
        browser.js("const s = document.getElementById('compare-smoothing'); s.value = '0.9'; s.dispatchEvent(new Event('change'));");
        Map<String, Object> smoothed = compareChart(2);
        assertEquals(0.9, ((Number) smoothed.get("smoothing")).doubleValue());
        assertNotEquals(curveOf(smoothed, shortRun).get("min"), curveOf(drawn, shortRun).get("min"), "smoothing changed the curve");
        browser.screenshot(adapter() + "-experiment");

        String link = browser.currentHash();
        assertTrue(link.contains("log=1") && link.contains("smooth=0.9"), link);
        // the same link with one run left out (so that the 100,000 points are not fetched again)
        browser.open("model");
        browser.open(link.substring(2).replaceAll(longRun + "(,|%2C)|(,|%2C)" + longRun, ""));
        assertTrue(browser.find("tr[data-run='" + shortRun + "'] .select-run").isSelected(), "the selection came back from the link");
        assertFalse(browser.find("tr[data-run='" + longRun + "'] .select-run").isSelected());
        assertTrue(browser.find("#compare-log").isSelected(), "and the log scale");
        assertEquals(0.9, ((Number) compareChart(1).get("smoothing")).doubleValue(), "and the smoothing");
        assertEquals("loss", browser.find("#compare-chart").getAttribute("data-metric"), "and the metric");
    }

    @Test
    void a_run_page_draws_a_curve_for_every_metric_the_run_logged() {
        signIn(ADMIN_TOKEN);
        browser.open("runs/" + longRun);
        browser.await("both curves were drawn", "document.querySelectorAll('[data-testid=metric-chart][data-drawn=true]').length === 2");
        assertEquals(List.of("accuracy", "loss"), attributes("[data-testid=metric-chart]", "data-metric"));
        for (WebElement chart : browser.all("[data-testid=metric-chart]")) {
            String metric = chart.getAttribute("data-metric");
            assertCurveIsTheApis(list(json(chart.getAttribute("data-chart")).get("series")).getFirst(), longRun, metric);
        }
        assertEquals(String.valueOf(Double.parseDouble(browser.text("#latest-metrics td[data-metric=accuracy]"))),
                String.valueOf(Double.parseDouble(String.format(Locale.ROOT, "%.6g",
                        ((Number) map(api.get("/api/v1/runs/" + longRun).get("latest_metrics")).get("accuracy")).doubleValue()))));
        browser.screenshot(adapter() + "-run");
    }

    @Test
    void the_model_page_shows_the_version_features_and_thresholds_the_api_describes() {
        signIn(ADMIN_TOKEN);
        browser.open("model");
        Map<String, Object> model = api.get("/api/v1/model");
        assertEquals(model.get("model_version"), browser.text("#model-version"));
        assertEquals(list(model.get("features")).stream().map(f -> f.get("name")).toList(), attributes("#features tbody tr", "data-feature"));
        assertEquals(model.get("thresholds"), json(browser.find("[data-thresholds]").getAttribute("data-thresholds")));
        browser.screenshot(adapter() + "-model");
    }

    @Test
    void an_api_error_is_shown_with_its_problem_detail() {
        signIn(ADMIN_TOKEN);
        expectedNetworkErrors.addAll(List.of(400, 404));

        browser.open("runs/not-a-run");
        Map<String, Object> problem = ProblemAssertions.parse(api.send("GET", "/api/v1/runs/not-a-run", null).body());
        assertEquals(problem.get("detail"), browser.text("[data-testid=error]"));
        browser.screenshot(adapter() + "-error");

        String unknown = UUID.randomUUID().toString();
        browser.open("experiments/" + unknown);
        assertEquals(ProblemAssertions.parse(api.send("GET", "/api/v1/experiments/" + unknown, null).body()).get("detail"),
                browser.text("[data-testid=error]"));
    }

    @Test
    void a_reader_is_offered_no_create_delete_or_admin_action_and_an_admin_is() {
        String reader = (String) api.post(201, "/api/v1/tokens", "{\"name\": \"ui-reader\", \"role\": \"reader\"}").get("token");
        signIn(reader);
        assertEquals("ui-reader (reader)", browser.text("#whoami"));
        assertFalse(browser.find("#nav-admin").isDisplayed(), "no admin page in the menu");
        browser.open("experiments");
        assertFalse(browser.present("#new-experiment"), "no experiment to create");
        browser.open("experiments/" + churnExperiment);
        assertFalse(browser.present("#experiment-actions"), "no run to start, status to change or experiment to delete");
        browser.screenshot(adapter() + "-reader-experiment");
        browser.open("runs/" + runningRun);
        assertFalse(browser.present("#run-actions"), "no run to end");
        browser.open("admin");
        assertFalse(browser.present("#create-token"));
        assertTrue(browser.present("[data-testid=error]"));

        browser.andWait(() -> browser.find("#sign-out").click());
        assertTrue(browser.currentHash().startsWith("#/signin"), browser.currentHash());
        assertNull(browser.js("return sessionStorage.getItem('mlledger.token')"), "signing out forgets the token");

        signIn(ADMIN_TOKEN);
        assertTrue(browser.find("#nav-admin").isDisplayed());
        browser.open("experiments");
        assertTrue(browser.present("#new-experiment"));
        browser.open("experiments/" + churnExperiment);
        assertTrue(browser.present("#delete-experiment") && browser.present("#start-run"));
        browser.open("runs/" + runningRun);
        assertTrue(browser.present("#run-actions"));
        browser.open("admin");
        browser.find("#create-token [name=name]").sendKeys("ui-tracker");
        new Select(browser.find("#f-role")).selectByValue("tracker");
        browser.find("#create-token button[type=submit]").click();
        String issued = (String) browser.await("the new token is shown", "document.getElementById('new-token')?.textContent");
        assertEquals("tracker", api.as(issued).get("/api/v1/whoami").get("role"), "the token shown is a working tracker token");
        browser.andWait(() -> browser.find("#sign-out").click());
        signIn(issued);
        browser.open("experiments");
        assertTrue(browser.present("#new-experiment"), "a tracker may create experiments");
        browser.open("experiments/" + churnExperiment);
        assertFalse(browser.present("#experiment-actions"), "but not change alice's");
        browser.open("runs/" + runningRun);
        assertFalse(browser.present("#run-actions"), "nor end the runs of alice's experiment");

        signIn(ADMIN_TOKEN);
        browser.open("admin");
        browser.find("#purge button[type=submit]").click();
        browser.find("#confirm-purge").click();
        String purged = (String) browser.await("the purge answered", "document.getElementById('purge-result')?.textContent");
        assertTrue(purged.startsWith("Deleted 0 logged requests"), "nothing is a year old here: " + purged);
        browser.screenshot(adapter() + "-admin");
        browser.find("button[data-revoke='ui-reader']").click();
        browser.await("the reader's token is shown revoked",
                "document.querySelector(\"tr[data-token='ui-reader'] .badge\")?.textContent === 'revoked'");
        assertEquals(401, api.as(reader).send("GET", "/api/v1/whoami", null).statusCode(), "the revoked token is refused");
    }

    @Test
    void a_token_the_service_refuses_is_not_signed_in_and_a_refused_session_returns_to_sign_in() {
        expectedNetworkErrors.add(401);
        browser.open("signin");
        browser.find("#token").sendKeys("mll_not-a-token-of-this-service");
        browser.find("#sign-in").click();
        assertTrue(((String) browser.await("the refusal is shown", "document.querySelector('#signin-message [data-testid=error]')?.textContent"))
                .contains("not accepted"));
        browser.screenshot(adapter() + "-signin");

        signIn(ADMIN_TOKEN);
        browser.js("sessionStorage.setItem('mlledger.token', 'mll_revoked-or-expired')");
        browser.open("model");
        browser.await("back at sign-in", "window.location.hash.startsWith('#/signin') && document.getElementById('token') !== null");
        assertTrue(browser.currentHash().contains("expired=1"), browser.currentHash());
        assertNull(browser.js("return sessionStorage.getItem('mlledger.token')"));
    }

    @Test
    void every_page_fits_a_phone_screen_without_sideways_scrolling() {
        signIn(ADMIN_TOKEN);
        browser.resize(Browser.PHONE);
        Map<String, String> pages = Map.of(
                "overview", "overview",
                "predictions", "predictions?model_version=xgb-2.0",
                "request", "requests/" + batchRequest,
                "experiments", "experiments",
                "experiment", "experiments/" + churnExperiment + "?runs=" + shortRun,
                "run", "runs/" + shortRun,
                "model", "model",
                "admin", "admin");
        for (var page : pages.entrySet()) {
            browser.open(page.getValue());
            if (page.getKey().equals("experiment")) {
                compareChart(1);
            }
            Object overflow = browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(((Number) overflow).intValue() <= 0, page.getKey() + " scrolls sideways by " + overflow + " px on a phone");
            browser.screenshot(adapter() + "-phone-" + page.getKey());
        }
    }

    @Test
    void the_menu_and_the_run_selection_work_from_the_keyboard() {
        signIn(ADMIN_TOKEN);
        browser.js("document.getElementById('skip-link').focus()");
        Actions keyboard = new Actions(browser.driver());
        for (int tab = 0; tab < 5 && !"predictions".equals(browser.js("return document.activeElement?.dataset?.nav ?? null")); tab++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertEquals("predictions", browser.js("return document.activeElement?.dataset?.nav ?? null"), "Tab reaches the menu");
        browser.andWait(() -> keyboard.sendKeys(Keys.ENTER).perform());
        assertTrue(browser.currentHash().startsWith("#/predictions"), browser.currentHash());

        browser.open("experiments/" + churnExperiment);
        browser.find("tr[data-run='" + shortRun + "'] .select-run").sendKeys(Keys.SPACE);
        assertEquals(1, list(compareChart(1).get("series")).size(), "Space selects a run for comparison");
    }

    // --- seeding -------------------------------------------------------------------------------------------------

    private void seedPredictions() {
        for (int i = 0; i < 25; i++) {
            double probability = 0.02 + i * 0.039;
            api.post(201, "/api/v1/predictions", String.format(Locale.ROOT,
                    "{\"employee_id\": \"UI-%d\", \"attrition_prob\": %.3f, \"model_version\": \"xgb-2.0\"}", i % 10, probability));
        }
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            items.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"employee_id\": \"B-%d\", \"features\": {\"age\": %d, \"monthly_income\": %d, \"overtime\": %s, \"job_satisfaction\": %d}}",
                    i, 22 + i * 3, 2000 + i * 900, i % 2 == 0, 1 + i % 4));
        }
        batchRequest = (String) api.post(200, "/api/v1/predict/batch", "{\"items\": [" + items + "]}").get("request_id");
        batchMovedBack = moveBack(batchRequest, Duration.ofHours(5));
    }

    private void seedExperiments() {
        Map<String, Object> churn = api.post(201, "/api/v1/experiments", "{\"name\": \"churn-model\", \"owner\": \"alice\", "
                + "\"description\": \"gradient boosting vs. logistic regression\", \"runs\": [{\"seed\": 1}, {\"seed\": 2}, {\"seed\": 3}]}");
        churnExperiment = (String) churn.get("id");
        List<Map<String, Object>> runs = list(churn.get("runs"));
        longRun = (String) runs.stream().filter(r -> number(r.get("seed")) == 1).findFirst().orElseThrow().get("id");
        shortRun = (String) runs.stream().filter(r -> number(r.get("seed")) == 2).findFirst().orElseThrow().get("id");
        runningRun = (String) runs.stream().filter(r -> number(r.get("seed")) == 3).findFirst().orElseThrow().get("id");
        if (!storeCurveDirectly(longRun, "loss", LOSS_POINTS)) {
            logCurve(longRun, "loss", LOSS_POINTS, 1.0);
        }
        logCurve(longRun, "accuracy", 200, -1.0);
        logCurve(shortRun, "loss", 2_000, 1.3);
        logCurve(shortRun, "accuracy", 200, -0.8);
        api.patch("/api/v1/runs/" + longRun, "{\"status\": \"completed\"}");
        api.patch("/api/v1/runs/" + shortRun, "{\"status\": \"failed\"}");
        baselineExperiment = (String) api.post(201, "/api/v1/experiments",
                "{\"name\": \"baseline\", \"owner\": \"bob\"}").get("id");
    }

    /** A noisy decaying curve (or a rising one for a negative scale), 1000 points per batch, four batches at a time. */
    private void logCurve(String run, String name, int points, double scale) {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int start = 0; start < points; start += 1000) {
                int first = start;
                batches.add(clients.submit(() -> logBatch(run, name, points, scale, first)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("seeding " + name + " of run " + run + " failed", e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }

    private void logBatch(String run, String name, int points, double scale, int start) {
        StringBuilder batch = new StringBuilder("{\"metrics\": [");
        for (int step = start; step < Math.min(points, start + 1000); step++) {
            double progress = (double) step / points;
            double value = scale > 0
                    ? scale * Math.exp(-4 * progress) + 0.05 * Math.sin(step / 37.0) + 0.06
                    : 0.5 + 0.45 * (1 - Math.exp(-5 * progress)) + 0.02 * Math.sin(step / 7.0) * -scale;
            batch.append(step == start ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"name\": \"%s\", \"step\": %d, \"value\": %.6f}", name, step, value));
        }
        api.post(201, "/api/v1/runs/" + run + "/metrics/batch", batch.append("]}").toString());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void signIn(String token) {
        browser.open("signin");
        WebElement input = browser.find("#token");
        input.clear();
        input.sendKeys(token);
        browser.andWait(() -> browser.find("#sign-in").click());
    }

    private Map<String, Object> compareChart(int series) {
        return json(browser.await("the comparison chart drew " + series + " curve(s)",
                "(() => { const c = document.querySelector('#compare-chart[data-drawn=true]');"
                        + " return c && JSON.parse(c.dataset.chart).series.length === " + series + " ? c.dataset.chart : null; })()"));
    }

    private static Map<String, Object> curveOf(Map<String, Object> chart, String run) {
        return list(chart.get("series")).stream().filter(curve -> run.equals(curve.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no curve of run " + run + " in " + chart));
    }

    /** The curve's point count, extremes and ends are those of every point the API holds (M4 keeps all four). */
    private void assertCurveIsTheApis(Map<String, Object> curve, String run, String metric) {
        List<Map<String, Object>> points = curves.computeIfAbsent(run + "/" + metric, key -> api.all("/api/v1/runs/" + run
                + "/metrics?name=" + URLEncoder.encode(metric, StandardCharsets.UTF_8) + "&limit=25000"));
        List<Double> values = points.stream().map(p -> ((Number) p.get("value")).doubleValue()).toList();
        assertEquals(points.size(), number(curve.get("points")), metric + " of " + run + ": points received");
        assertEquals(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), ((Number) curve.get("min")).doubleValue(), metric + " min");
        assertEquals(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), ((Number) curve.get("max")).doubleValue(), metric + " max");
        assertEquals(List.of(number(points.getFirst().get("step")), values.getFirst()), pair(curve.get("first")), metric + " first point");
        assertEquals(List.of(number(points.getLast().get("step")), values.getLast()), pair(curve.get("last")), metric + " last point");
        assertTrue(number(curve.get("drawn")) <= 4 * 1300, "at most four points per pixel column: " + curve);
    }

    private Set<Object> shownPredictions() {
        return new HashSet<>(attributes("#prediction-table tbody tr", "data-prediction"));
    }

    private List<String> attributes(String css, String attribute) {
        return browser.all(css).stream().map(element -> element.getAttribute(attribute)).toList();
    }

    private static Set<Object> ids(List<Map<String, Object>> items) {
        Set<Object> ids = new HashSet<>();
        for (Map<String, Object> item : items) {
            ids.add(item.containsKey("prediction_id") ? item.get("prediction_id") : item.get("id"));
        }
        return ids;
    }

    private static List<Object> pair(Object value) {
        List<?> pair = (List<?>) value;
        return List.of(number(pair.get(0)), ((Number) pair.get(1)).doubleValue());
    }

    private static long digits(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Map<String, Object> json(Object text) {
        return ProblemAssertions.parse(String.valueOf(text));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
