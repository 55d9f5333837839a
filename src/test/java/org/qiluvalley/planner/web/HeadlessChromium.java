package org.qiluvalley.planner.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both at fixed paths so that Selenium never tries to
 * download a browser (there is no internet). Background networking is off: the only requests go to the service.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A new browser with a fresh profile in {@code profileDir}. The calling test class is annotated
     * {@link org.qiluvalley.planner.testsupport.RequiresChromium}, which skips it (or fails it in CI) before this
     * runs when Chromium is missing.
     */
    static WebDriver start(Path profileDir, String whatIsTested) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the " + whatIsTested + " browser test needs " + CHROMIUM + " and "
                    + CHROMEDRIVER + "; annotate it @RequiresChromium");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profileDir,
                // wide enough for the desktop layout: side panel and map side by side
                "--window-size=1400,900", "--lang=en-US");
        return new ChromeDriver(service, options);
    }
}
