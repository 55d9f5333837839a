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
            Object error = js("return window.mapError || null");
            if (error != null) {
                throw new AssertionError("the map failed to load: " + error);
            }
            return Boolean.TRUE.equals(js("return window.mapReady === true"));
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
                .until(d -> "ready".equals(js("return window.loginState || null")));
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

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
