package dev.mlledger.bootstrap.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Headless Debian chromium driven through its own chromedriver; nothing is downloaded (both paths are given, so
 * Selenium Manager is never asked). Knows how the UI says a page is ready: {@code main[data-ready=true]} after
 * the render counted in {@code main[data-renders]}.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private String baseUrl;

    Browser(Path screenshots) {
        this.screenshots = screenshots;
        System.setProperty("SE_OFFLINE", "true");
        try {
            Files.createDirectories(screenshots);
            profile = Files.createTempDirectory("mlledger-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailable.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
    }

    /** Points the browser at a service; one browser serves every test class of the run. */
    Browser at(String serviceUrl) {
        baseUrl = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code /ui/#/{route}} and waits for the page to be drawn. */
    void open(String route) {
        String target = baseUrl + "/ui/#/" + route;
        // another service (the previous test class's) means a new page whose count starts afresh
        int before = driver.getCurrentUrl().startsWith(baseUrl + "/ui/") ? renders() : -1;
        if (target.equals(driver.getCurrentUrl())) {
            js("window.dispatchEvent(new HashChangeEvent('hashchange'))");
        } else {
            driver.get(target);
        }
        awaitRenderAfter(before);
    }

    /** Does what may navigate inside the page, then waits for the next page to be drawn. */
    void andWait(Runnable action) {
        int before = renders();
        action.run();
        awaitRenderAfter(before);
    }

    int renders() {
        Object value = js("return document.getElementById('main')?.dataset.renders ?? null");
        return value == null ? -1 : Integer.parseInt(value.toString());
    }

    void awaitRenderAfter(int before) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "the page did not finish rendering: " + currentHash()
                        + "\n" + text("main"))
                .until(d -> {
                    int now = renders();
                    return now > before && "true".equals(js("return document.getElementById('main').dataset.ready"));
                });
    }

    /** Waits until {@code script} (a JS expression) is truthy and returns its value. */
    Object await(String description, String script) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> description + "; page: " + currentHash() + "\n" + text("main"))
                .until(d -> {
                    // JavaScript's truthiness: "", 0, false, null and undefined all mean "not yet"
                    return js("const value = " + script + "; return value ? value : null;");
                });
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        List<WebElement> found = all(css);
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    String currentHash() {
        return String.valueOf(js("return window.location.hash"));
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** How many pixels of the canvas inside {@code css} have about the colour {@code hex} (#rrggbb): what was painted. */
    long pixelsOfColour(String css, String hex) {
        return ((Number) js("""
                const canvas = document.querySelector(arguments[0] + ' canvas');
                if (!canvas) return -1;
                // read a copy, so that the chart's own canvas is never read back (Chrome warns when one is, repeatedly)
                const copy = document.createElement('canvas');
                copy.width = canvas.width;
                copy.height = canvas.height;
                const context = copy.getContext('2d', {willReadFrequently: true});
                context.drawImage(canvas, 0, 0);
                const data = context.getImageData(0, 0, copy.width, copy.height).data;
                const [r, g, b] = [1, 3, 5].map((i) => parseInt(arguments[1].slice(i, i + 2), 16));
                let count = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30) count++;
                }
                return count;""", css, hex)).longValue();
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** The whole page, not only the window: the window grows to the page's height (at most 4000 px) for the picture. */
    void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long pageHeight = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        long viewportHeight = ((Number) js("return window.innerHeight")).longValue();
        int height = (int) Math.min(4000, window.height + Math.max(0, pageHeight - viewportHeight));
        boolean grown = height > window.height;
        try {
            if (grown) {
                driver.manage().window().setSize(new Dimension(window.width, height));
            }
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (grown) {
                driver.manage().window().setSize(window);
            }
        }
    }

    /** The console's warnings and errors since the last call (chromedriver hands each entry out once). */
    List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
