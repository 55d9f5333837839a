package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.ServiceClient;

/**
 * The "Check a site" and "Audit" panels (the audit for a planner signed in through the sign-in page) of the map (web/js/investor/check.js, web/js/investor/audit.js) in a real headless
 * Chromium against the real application, set up as {@link InvestorMapIT} is.
 *
 * <p>The inputs are derived from the OGC API as fetched by the test (the red line, the valley boundary, the
 * available sites and their FAR ranges), so the expectations hold for whatever seed data the application
 * has. Waits are on the page's flags ({@code data-map-ready}, {@code data-site-check-done}, {@code data-audit-done} on
 * {@code <html>}) and on DOM conditions, never on fixed sleeps.
 *
 * <p>With the environment variable {@code SITE_CHECK_SCREENSHOT} set to a file path, the red-line test also
 * saves a screenshot of the panel with its finding drawn (used for docs/screenshot-check.png).
 */
class SiteCheckIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Half the side of the test square in degrees: about 45 m east-west and 55 m north-south here. */
    private static final double HALF_SIDE_DEGREES = 0.0005;

    // ------------------------------------------------------------------------------------------------
    // Tests
    // ------------------------------------------------------------------------------------------------

    @Test
    void aSquareAcrossTheRedLineGetsARedLineErrorDrawnAndFramedOnTheMap() throws IOException {
        List<?> redLine = JsonPath.read(get("/ogc/collections/constraints/items?kind=ecological-red-line"), "$.features");
        assertFalse(redLine.isEmpty(), "the seed data has an ecological red line");
        String square = squareAroundSouthernmostBoundaryVertex();

        openMap("");
        driver.findElement(By.id("tab-check")).click();
        page("hooks.siteCheck.setDrawnPolygon(JSON.parse(args[0]))", square);
        assertEquals("drawn", driver.findElement(By.id("check-site")).getDomAttribute("data-kind"),
                "the programmatic polygon became the check's site");
        new Select(driver.findElement(By.id("check-zone"))).selectByValue("laser-industry");
        new Select(driver.findElement(By.id("check-landuse"))).selectByValue("100101");
        runCheck();

        WebElement finding = driver.findElement(By.cssSelector("li.finding[data-rule='constraint.redline']"));
        assertEquals("error", finding.getDomAttribute("data-severity"), "a red-line overlap is an error");
        assertTrue(finding.getText().contains("m²"), "the finding states the overlap in m²: " + finding.getText());
        assertEquals("false", badge().getDomAttribute("data-valid"));
        assertTrue(badge().getText().startsWith("Not valid"), "badge: " + badge().getText());
        long drawn = (Long) page("return hooks.siteCheck.findingsLayer.getLayers().length");
        assertTrue(drawn >= 1, "the findings are drawn on the map, got " + drawn + " layers");
        assertTrue((Boolean) page("return hooks.investorMap.map.hasLayer(hooks.siteCheck.findingsLayer)"),
                "the findings layer is on the map");

        // Look somewhere else first, so that the click has to move the map to the finding.
        page("""
                const m = hooks.investorMap.map;
                m.setView(m.getBounds().getNorthWest(), 18, { animate: false });""");
        assertFalse(redLineFindingInView(), "the finding starts out of view");
        finding.click();
        new WebDriverWait(driver, TIMEOUT).until(d -> redLineFindingInView());
        assertTrue(finding.getDomAttribute("class").contains("active"), "the clicked finding is highlighted");

        saveScreenshotIfAsked();
    }

    @Test
    void anAvailableSiteFailsOnALowFarAndPassesWithinItsRange() {
        // A site whose FAR range excludes 0.6 and includes 1.5, so the two runs must disagree.
        Map<String, Object> site = availableSites().stream()
                .filter(s -> number(s, "farMin") > 0.6 && number(s, "farMin") <= 1.5 && number(s, "farMax") >= 1.5)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the test needs an available site with 0.6 < farMin <= 1.5 <= farMax"));
        String id = (String) site.get("id");

        openMap("");
        driver.findElement(By.cssSelector("#site-list .site-row[data-parcel-id='" + id + "']")).click();
        new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup .site-popup")));
        driver.findElement(By.id("tab-check")).click();
        driver.findElement(By.id("check-use-selected")).click();
        assertEquals("parcel", driver.findElement(By.id("check-site")).getDomAttribute("data-kind"));
        assertEquals(site.get("zone"), new Select(driver.findElement(By.id("check-zone")))
                .getFirstSelectedOption().getDomAttribute("value"), "the zone defaults to the parcel's");

        typeFar("0.6");
        runCheck();
        WebElement far = driver.findElement(By.cssSelector("li.finding[data-rule='indicator.far']"));
        assertEquals("error", far.getDomAttribute("data-severity"));
        assertEquals("false", badge().getDomAttribute("data-valid"));
        assertTrue(badge().getText().contains("Not valid") && badge().getText().contains("不合规"), "badge: " + badge().getText());
        assertEquals(0.6, ((Number) page("return hooks.siteCheck.lastResult.request.indicators.far")).doubleValue(), 1e-9);

        typeFar("1.5");
        runCheck();
        assertEquals("true", badge().getDomAttribute("data-valid"), "FAR 1.5 is within the range: " + badge().getText());
        assertTrue(badge().getText().startsWith("Valid") && badge().getText().contains("合规"), "badge: " + badge().getText());
        assertTrue(driver.findElements(By.cssSelector("#check-findings li.finding[data-rule='indicator.far']")).isEmpty(),
                "the previous result was cleared");
    }

    /** A drawn area needs a land use (a parcel has its own): the panel says so in both languages, sending nothing. */
    @Test
    void aDrawnAreaWithoutALandUseIsAskedForOneInBothLanguages() throws IOException {
        String square = squareAroundSouthernmostBoundaryVertex();
        openMap("");
        driver.findElement(By.id("tab-check")).click();
        page("hooks.siteCheck.setDrawnPolygon(JSON.parse(args[0]))", square);
        new Select(driver.findElement(By.id("check-zone"))).selectByValue("laser-industry");
        driver.findElement(By.id("check-run")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> "true".equals(flag("siteCheckDone")));

        String message = driver.findElement(By.id("check-message")).getText();
        assertTrue(message.contains("Choose the land use") && message.contains("请选择绘制范围的拟用地性质"),
                "the message in both languages: " + message);
        assertEquals(null, page("return hooks.siteCheck.lastResult.request || null"), "nothing was sent");
        assertEquals("check-landuse", page("return document.activeElement.id"), "the land-use box has the focus");
    }

    @Test
    void aPolygonDrawnWithTheMouseBecomesTheSite() {
        openMap("");
        driver.findElement(By.id("tab-check")).click();
        driver.findElement(By.cssSelector(".leaflet-draw-draw-polygon")).click();

        // Four corners around the map's centre, then the first corner again to close the ring, as a user would.
        WebElement map = driver.findElement(By.id("map"));
        int[][] corners = {{-60, -60}, {60, -60}, {60, 60}, {-60, 60}, {-60, -60}};
        for (int[] c : corners) {
            new Actions(driver).moveToElement(map, c[0], c[1]).click().pause(Duration.ofMillis(100)).perform();
        }
        new WebDriverWait(driver, TIMEOUT).until(d -> "drawn".equals(
                d.findElement(By.id("check-site")).getDomAttribute("data-kind")));
        assertEquals(1L, page("return hooks.siteCheck.drawnItems.getLayers().length"), "one drawn shape");
        long vertices = (Long) page("return hooks.siteCheck.drawnItems.getLayers()[0].getLatLngs()[0].length");
        assertEquals(4, vertices, "the drawn ring has the four clicked corners");
    }

    @Test
    void theAuditIsHiddenFromVisitors() {
        forgetSession();
        openMap("panel=audit");
        new WebDriverWait(driver, TIMEOUT).until(d -> "true".equals(flag("accountKnown")));
        assertFalse(driver.findElement(By.id("tab-audit")).isDisplayed(), "visitors see no audit tab");
        assertTrue(driver.findElement(By.id("sign-in-link")).isDisplayed(), "visitors are offered a sign-in link");
        assertEquals("sites", page("return hooks.sidebarTabs.current"), "a link to the audit opens the site list instead");
    }

    @Test
    void theAuditShowsEveryZoneAndNoErrorsForTheSeedData() {
        List<String> zoneIds = JsonPath.read(get("/ogc/collections/zones/items?limit=1000"), "$.features[*].id");
        // The audit is for planners: sign in as one through the sign-in page first.
        new ServiceClient(baseUrl()).ensureUser("planner", "audit-planner");
        signIn("audit-planner", ServiceClient.USER_PASSWORD);
        try {
            auditAsPlanner(zoneIds);
        } finally {
            forgetSession();
        }
    }

    private void auditAsPlanner(List<String> zoneIds) {
        openMap("");
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("tab-audit")).isDisplayed());
        driver.findElement(By.id("tab-audit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> {
            Object error = flag("auditError");
            if (error != null) {
                throw new AssertionError("the audit failed: " + error);
            }
            return "true".equals(flag("auditDone"));
        });

        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) js(
                "return [...document.querySelectorAll('#audit-view tr.audit-zone')].map(r => r.dataset.zone)");
        assertEquals(6, rows.size(), "one row per zone: " + rows);
        assertEquals(zoneIds, rows, "the rows are the API's zones, in order");
        assertEquals("0", driver.findElement(By.id("audit-errors")).getDomAttribute("data-count"),
                "the seed data passes the audit without errors");
        assertTrue(driver.findElement(By.id("audit-park")).getText().contains("ha"), "park area shown in ha");

        String csvLink = driver.findElement(By.id("audit-csv")).getDomAttribute("href");
        assertEquals("/api/audit.csv", csvLink);
        ServiceClient.Reply csv = new ServiceClient(baseUrl()).as("audit-planner", ServiceClient.USER_PASSWORD).get(csvLink);
        assertEquals(200, csv.status(), "the CSV answers planners");
        assertTrue(csv.body().startsWith("zone,"), "the CSV link answers with the zone table");
    }

    // ------------------------------------------------------------------------------------------------
    // Page helpers
    // ------------------------------------------------------------------------------------------------

    private WebElement badge() {
        return driver.findElement(By.id("check-badge"));
    }

    private void typeFar(String value) {
        WebElement input = driver.findElement(By.id("check-far"));
        input.clear();
        input.sendKeys(value);
    }

    /** Runs the check and waits until its result is rendered; fails on an error message instead of a result. */
    private void runCheck() {
        driver.findElement(By.id("check-run")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> "true".equals(flag("siteCheckDone")));
        Object error = page("return hooks.siteCheck.lastResult && hooks.siteCheck.lastResult.error || null");
        assertEquals(null, error, "the check ran without an error");
        assertTrue(badge().isDisplayed(), "the badge is shown");
    }

    private boolean redLineFindingInView() {
        return (Boolean) page("""
                const f = hooks.siteCheck.lastResult.findings.features
                    .find(f => f.properties.rule === 'constraint.redline');
                return hooks.investorMap.map.getBounds().contains(L.geoJSON(f).getBounds());""");
    }

    private void saveScreenshotIfAsked() throws IOException {
        String target = System.getenv("SITE_CHECK_SCREENSHOT");
        if (target == null || target.isBlank()) {
            return;
        }
        // Results in view: scroll the panel so the badge and the findings are what the sidebar shows.
        js("document.getElementById('check-result').scrollIntoView({ block: 'start' })");
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of(target).toAbsolutePath().getParent());
        Files.copy(shot, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
    }

    // ------------------------------------------------------------------------------------------------
    // The API, as the page sees it
    // ------------------------------------------------------------------------------------------------

    /**
     * A square of ±{@link #HALF_SIDE_DEGREES} around the valley boundary's southernmost vertex, as a GeoJSON
     * Polygon: half in the park, half across its southern edge, where the river's red line runs.
     */
    private String squareAroundSouthernmostBoundaryVertex() {
        List<List<Number>> ring = JsonPath.read(get("/ogc/collections/valley/items/valley"), "$.geometry.coordinates[0]");
        List<Number> south = ring.stream()
                .min((a, b) -> Double.compare(a.get(1).doubleValue(), b.get(1).doubleValue()))
                .orElseThrow();
        double x = south.get(0).doubleValue();
        double y = south.get(1).doubleValue();
        double d = HALF_SIDE_DEGREES;
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%1$.8f,%2$.8f],[%3$.8f,%2$.8f],[%3$.8f,%4$.8f],[%1$.8f,%4$.8f],[%1$.8f,%2$.8f]]]}",
                x - d, y - d, x + d, y + d);
    }

    /** Every available site as id plus properties, flattened. */
    private List<Map<String, Object>> availableSites() {
        String json = get("/ogc/collections/available-sites/items?limit=1000");
        List<Map<String, Object>> features = JsonPath.read(json, "$.features");
        return features.stream().map(f -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = new java.util.LinkedHashMap<>((Map<String, Object>) f.get("properties"));
            properties.put("id", String.valueOf(f.get("id")));
            return (Map<String, Object>) properties;
        }).toList();
    }

    private static double number(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(90)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }
}
