package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session (Debian's chromium and chromedriver), with a profile of its own that is deleted on
 * close. The driver is given explicitly, so Selenium Manager never downloads anything.
 */
final class Browser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(25);
    static final Dimension DESKTOP = new Dimension(1280, 820);
    /** The CSS viewport of a common phone. */
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("parley-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions()
                .setBinary(System.getProperty("parley.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                        "--lang=en-GB", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        try {
            var browser = new Browser(new ChromeDriver(service, options), profile);
            browser.resize(DESKTOP);
            return browser;
        } catch (RuntimeException failure) {
            deleteQuietly(profile);
            throw failure;
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(URI page) {
        driver.get(page.toString());
    }

    /** Leaves the current page, closing its connections. */
    void blank() {
        driver.get("about:blank");
    }

    /** Leaves the page (closing its connections) and puts back the desktop size and the light scheme. */
    void reset() {
        blank();
        resize(DESKTOP);
        colourScheme("light");
    }

    /** Sets the size of the page's viewport (not of the window around it). */
    void resize(Dimension viewport) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width,
                "height", viewport.height, "deviceScaleFactor", 1, "mobile", viewport.width < 600));
    }

    /** Switches the page to a "light" or "dark" colour scheme, and waits for the colour transitions to end. */
    void colourScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        await("the colour transitions", page -> (Boolean) script(
                "return document.getAnimations().every(a => a.effect.getTiming().iterations === Infinity)"));
    }

    /** Runs {@code script} in every page opened from now on, before the page's own scripts; undone by close(). */
    AutoCloseable beforeEveryPage(String script) {
        Object identifier = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script))
                .get("identifier");
        return () -> driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                Map.of("identifier", identifier));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, PATIENCE, condition);
    }

    /** As {@link #await(String, Function)}, for what takes longer, such as hundreds of messages through the gateway. */
    <T> T await(String what, Duration patience, Function<WebDriver, T> condition) {
        // The pages draw their lists again as frames arrive: an element found may be gone a moment later, and a
        // click may land while a banner's text changes the layout under it or hides the button for a moment.
        return new WebDriverWait(driver, patience, POLL).withMessage(what)
                .ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class)
                .until(condition);
    }

    /**
     * Checks that nothing is wider than the screen and that the first displayed element matching {@code controls} (the
     * page's main control) is wholly on it; then saves the screen as {@code name}.
     */
    Path assertFits(String name, String controls) {
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page is no wider than the screen").isEqualTo(true);
        assertThat(script("""
                const control = [...document.querySelectorAll(arguments[0])].find(found => found.offsetParent !== null);
                const box = control && control.getBoundingClientRect();
                return !!box && box.width > 0 && box.left >= 0 && box.right <= window.innerWidth
                    && box.bottom <= window.innerHeight;
                """, controls)).as("a control among %s is on the screen", controls).isEqualTo(true);
        return screenshot(name);
    }

    Path screenshot(String name) {
        Path target = Path.of(System.getProperty("parley.screenshots", "target/screenshots")).resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException leftBehind) {
            // A temporary folder left behind is harmless.
        }
    }
}
