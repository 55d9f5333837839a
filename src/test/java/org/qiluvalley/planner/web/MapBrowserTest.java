package org.qiluvalley.planner.web;

import java.net.http.HttpClient;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.RequiresChromium;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every browser test of the map needs: the real application on a fresh embedded database seeded from
 * gis-data, one headless Chromium for the class, and a plain HTTP client for the API the page uses.
 */
@RequiresChromium
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
// Closes the application, and with it the embedded database, before the temporary data directory is deleted.
@DirtiesContext
abstract class MapBrowserTest {

    /** A fresh data directory: the application seeds its embedded database from gis-data on first start. */
    @TempDir
    static Path dataDir;

    /** Chromium's profile, fresh for every run so no state leaks between runs. */
    @TempDir
    static Path browserProfile;

    static WebDriver driver;
    static final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void useTemporaryDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("valley.data-dir", () -> dataDir.toString());
    }

    @BeforeAll
    static void startBrowser() {
        driver = HeadlessChromium.start(browserProfile, "map");
    }

    static final java.time.Duration PAGE_TIMEOUT = java.time.Duration.ofSeconds(30);

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Opens a page and waits for the map's ready flag. Leaving the page first forces a real load: a URL that
     * differs only in its hash would otherwise stay on the same document, with the previous test's state.
     */
    void openUrl(String url) {
        driver.get("about:blank");
        driver.get(url);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_TIMEOUT).until(d -> {
            String error = flag("mapError");
            if (error != null) {
                throw new AssertionError("the map failed to load: " + error);
            }
            return "true".equals(flag("mapReady"));
        });
    }

    /** Opens the map with animations off and the given URL hash (map state), waiting until it is ready. */
    void openMap(String hash) {
        openUrl(baseUrl() + "/?animate=0" + (hash.isEmpty() ? "" : "#" + hash));
    }

    /**
     * Signs in through the sign-in page as a user would: opens {@code /login.html}, types the credentials and
     * submits, then waits until the browser has left the sign-in page for the page of the user's role.
     */
    void signIn(String username, String password) {
        driver.get(baseUrl() + "/login.html");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_TIMEOUT)
                .until(d -> "ready".equals(flag("loginState")));
        submitSignInForm(username, password);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_TIMEOUT)
                .until(d -> !java.net.URI.create(d.getCurrentUrl()).getPath().equals("/login.html"));
    }

    /** Fills and submits the sign-in form of the page on screen. */
    void submitSignInForm(String username, String password) {
        org.openqa.selenium.WebElement user = driver.findElement(org.openqa.selenium.By.id("username"));
        user.clear();
        user.sendKeys(username);
        org.openqa.selenium.WebElement secret = driver.findElement(org.openqa.selenium.By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
    }

    /** Forgets the session: the next page is seen by an anonymous visitor. */
    void forgetSession() {
        driver.get(baseUrl() + "/login.html");
        driver.manage().deleteAllCookies();
    }

    Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * A flag the page keeps as a {@code data-*} attribute of its {@code <html>} element ({@code "mapReady"} for
     * {@code data-map-ready}: ready flags, operation states), or null while it has none.
     */
    String flag(String name) {
        return (String) js("return document.documentElement.dataset[arguments[0]] ?? null", name);
    }

    /**
     * Runs {@code body} in the page with {@code hooks} bound to the page's test hooks, and returns what it returns.
     * The pages are ES modules and keep nothing on {@code window}: their entry module (the page's
     * {@code <script type="module">}) exports {@code testHooks}, and a dynamic {@code import()} of the same URL
     * gives back that module, the page's live instance (a module is evaluated once per page). {@code body} is the
     * body of an async function: it may {@code await} (an idle hook, say) and {@code return} a JSON-like value; the
     * arguments are {@code args[0]}, {@code args[1]}... An exception in the page fails the test with its stack.
     */
    Object page(String body, Object... args) {
        return page(PAGE_TIMEOUT, body, args);
    }

    /** {@link #page(String, Object...)}, waiting up to {@code timeout} for the body's promise. */
    Object page(java.time.Duration timeout, String body, Object... args) {
        driver.manage().timeouts().scriptTimeout(timeout);
        Object answer = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const args = Array.prototype.slice.call(arguments, 0, -1);
                const entry = document.querySelector('script[type="module"][src]');
                import(entry.src).then(async ({ testHooks: hooks }) => {
                """ + body + """

                }).then((value) => done({ value: value === undefined ? null : value }),
                    (error) => done({ error: String((error && error.stack) || error) }));""", args);
        java.util.Map<?, ?> result = (java.util.Map<?, ?>) answer;
        if (result.containsKey("error")) {
            throw new AssertionError("the page's script failed: " + result.get("error") + System.lineSeparator() + body);
        }
        return result.get("value");
    }

    /** The path of the page the browser shows. */
    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits until the planner workspace is loaded, ready and idle (fails at once if it reports an error). */
    void waitForWorkspace(java.time.Duration timeout) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, timeout).until(d -> {
            String error = flag("plannerError");
            if (error != null) {
                throw new AssertionError("the workspace failed to load: " + error);
            }
            return path().equals("/planner.html") && "true".equals(flag("plannerReady"))
                    && ((Number) page("return hooks.ops.running")).intValue() == 0;
        });
    }

    /**
     * Does {@code action} and waits until the workspace has finished an operation named {@code op} that ended after
     * the action began, and nothing else is running (an operation may start others, e.g. reloading the parcel).
     * Returns that operation's record: op, ok, status (a number for HTTP answers), detail.
     */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> waitForOperation(String op, Runnable action, java.time.Duration timeout) {
        long before = ((Number) page("return hooks.ops.count")).longValue();
        action.run();
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, timeout).until(d -> (java.util.Map<String, Object>) page("""
                const ops = hooks.ops;
                if (ops.running > 0) return null;
                return ops.log.filter(e => e.op === args[0] && e.seq > args[1]).pop() || null;""", op, before));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
