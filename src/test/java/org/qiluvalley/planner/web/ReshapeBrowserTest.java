package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.ServiceClient;

/**
 * What the browser tests of the planner workspace's reshaping tools (split, merge, lineage) share: a planner signed
 * in through the sign-in page, the workspace opened on a parcel through the find box, clicks on the map at given
 * points, and the areas the page prints.
 */
abstract class ReshapeBrowserTest extends MapBrowserTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String PLANNER = "planner-zhao";
    /** The size of the screenshots for docs/, CSS pixels. */
    private static final int SHOT_WIDTH = 1400;
    private static final int SHOT_HEIGHT = 900;

    /** Signs the planner in through the sign-in page; returns a client signed in as the planner too. */
    ServiceClient signedInPlanner() {
        ServiceClient anonymous = new ServiceClient(baseUrl());
        anonymous.ensureUser("planner", PLANNER);
        forgetSession();
        signIn(PLANNER, ServiceClient.USER_PASSWORD);
        return anonymous.as(PLANNER, ServiceClient.USER_PASSWORD);
    }

    /** Opens the workspace and selects a parcel through the find box, as a planner would. */
    void openWorkspaceWith(String id) {
        driver.get(baseUrl() + "/planner.html?animate=0");
        waitForWorkspace(PAGE_TIMEOUT);
        waitForOperation("load", () -> driver.findElement(By.id("find-parcel-id")).sendKeys(id, Keys.ENTER), TIMEOUT);
        assertEquals(id, driver.findElement(By.id("selection-id")).getText());
    }

    /** Clicks the map at these container points (pixels from its top-left corner), as a planner drawing would. */
    void clickOnMap(List<double[]> points) {
        WebElement map = driver.findElement(By.id("map"));
        // Selenium's offsets are from the element's centre.
        double halfWidth = map.getSize().getWidth() / 2.0;
        double halfHeight = map.getSize().getHeight() / 2.0;
        for (double[] p : points) {
            new Actions(driver).moveToElement(map, (int) Math.round(p[0] - halfWidth), (int) Math.round(p[1] - halfHeight))
                    .click().pause(Duration.ofMillis(100)).perform();
        }
    }

    /** The number just before a unit in a text, e.g. 7,845.35 from "7,845.35 m² · 11.77 亩". */
    static double numberBefore(String text, String unit) {
        Matcher m = Pattern.compile("([\\d,]+(?:\\.\\d+)?)\\s*" + Pattern.quote(unit)).matcher(text);
        assertTrue(m.find(), "a number before " + unit + " in: " + text);
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    /**
     * With the environment variable {@code variable} set to a file path, saves a screenshot of the page there, 1400 ×
     * 900 CSS pixels (the window is grown for it by what the browser's frame takes, then given back), the element
     * {@code inView} scrolled into the side panel's view.
     */
    void saveScreenshotIfAsked(String variable, String inView) throws IOException {
        String target = System.getenv(variable);
        if (target == null || target.isBlank()) {
            return;
        }
        Dimension window = driver.manage().window().getSize();
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) js("return [window.innerWidth, window.innerHeight]");
        driver.manage().window().setSize(new Dimension(window.getWidth() + SHOT_WIDTH - inner.get(0).intValue(),
                window.getHeight() + SHOT_HEIGHT - inner.get(1).intValue()));
        try {
            new WebDriverWait(driver, TIMEOUT).until(d -> Boolean.TRUE.equals(js(
                    "return window.innerWidth === arguments[0] && window.innerHeight === arguments[1]", SHOT_WIDTH,
                    SHOT_HEIGHT)));
            page("hooks.plannerMap.map.invalidateSize({ animate: false }); await hooks.plannerMap.idle();");
            js("document.getElementById(arguments[0]).scrollIntoView({ block: 'center' })", inView);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of(target).toAbsolutePath().getParent());
            Files.copy(shot, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(window);
        }
    }
}
