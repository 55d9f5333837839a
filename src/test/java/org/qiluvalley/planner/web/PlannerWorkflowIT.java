package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

/**
 * A planner's day in the planner workspace (web/login.html, web/planner.html), in a real headless Chromium against
 * the real application on a fresh embedded database seeded from gis-data, set up as {@link SiteCheckIT} is.
 *
 * <p>The story: a planner signs in through the sign-in page; re-plans the land of an available parcel (withdraws
 * it, which frees the land: the laser-industry zone is otherwise tiled with parcels and road reserves without a gap);
 * draws a new parcel there with the mouse, too small at first, and sees the rule book's error listed before saving
 * and again when saving anyway (422, nothing stored); redraws it around the freed land, where the vertices snap onto
 * the neighbours' corners, sees it valid and saves it (201), when the public API offers it to investors; proposes an
 * allocation to an enterprise with sufficient pledges, and finds its approve button disabled (four eyes); a second
 * planner signs in, approves it after confirming in the page, and reads both in the parcel's history; signs out;
 * and the public map, for an anonymous visitor, no longer lists the site as available.
 *
 * <p>Every step is driven through the page (mouse, keyboard); the API is only read, to set expectations and to
 * confirm what the page did. Waits are on the page's flags ({@code <html data-planner-ready>}, and the operation log
 * {@code testHooks.ops.log}), never on fixed sleeps.
 *
 * <p>With the environment variable {@code PLANNER_SCREENSHOT} set to a file path, the test also saves a screenshot
 * of the workspace with the first outline's findings (used for docs/screenshot-planner.png).
 */
class PlannerWorkflowIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PLANNER = "planner-wang";
    /** The second planner, who approves what {@link #PLANNER} proposed (four eyes). */
    private static final String APPROVER = "planner-zhao";
    private static final String INVESTOR = "investor-li";
    /**
     * The available laser-industry parcel whose land is re-planned: 107 m × 151 m (1.57 ha), fronting a road
     * reserve (0 m away; road.access allows 5 m) and bordered only by parcels and road reserves, so an outline on
     * its corners meets every rule. Chosen with a JTS run over gis-data: the zone has 3 m² of land outside parcels
     * and road reserves, so the new parcel needs land a withdrawal frees.
     */
    private static final String REPLANNED = "QOV-LI-021";
    /** How far inside each corner the planner clicks, screen pixels: well within the workspace's 12 px snap reach. */
    private static final int CLICK_INSIDE_PIXELS = 4;
    /** Half the side of the first, too small square, pixels: about 24 m at zoom 18, far below parcel.area's 5,000 m². */
    private static final int SMALL_SQUARE_HALF_PIXELS = 25;

    // ------------------------------------------------------------------------------------------------
    // Tests
    // ------------------------------------------------------------------------------------------------

    @Test
    void aPlannerReplansLandChecksSavesAllocatesAndThePublicMapStopsOfferingIt() throws IOException {
        ServiceClient anonymous = new ServiceClient(baseUrl());
        anonymous.ensureUser("planner", PLANNER);
        anonymous.ensureUser("planner", APPROVER);
        ServiceClient planner = anonymous.as(PLANNER, ServiceClient.USER_PASSWORD);
        JsonNode replanned = planner.get("/ogc/collections/parcels/items/" + REPLANNED).json();
        assertEquals("available", replanned.at("/properties/status").asString(), "the test re-plans an available parcel");
        assertEquals("laser-industry", replanned.at("/properties/zone").asString());
        double replannedAreaM2 = replanned.at("/properties/areaM2").asDouble();

        // Sign-in is required: the workspace sends a visitor to the sign-in page, which brings the planner back.
        forgetSession();
        driver.get(baseUrl() + "/planner.html?animate=0");
        new WebDriverWait(driver, TIMEOUT).until(d -> path().equals("/login.html"));
        submitSignInForm(PLANNER, ServiceClient.USER_PASSWORD);
        waitForWorkspace(PAGE_TIMEOUT);
        assertEquals(PLANNER, driver.findElement(By.id("user-name")).getText(), "the header names the planner");

        // Find the parcel by its ID and withdraw it: its land is free to be planned again.
        waitForOperation("load", () -> driver.findElement(By.id("find-parcel-id")).sendKeys(REPLANNED, Keys.ENTER),
                TIMEOUT);
        assertEquals(REPLANNED, driver.findElement(By.id("selection-id")).getText());
        List<List<Number>> freedRing = ring(page("return hooks.plannerMap.data.parcels.get(args[0]).geometry", REPLANNED));
        driver.findElement(By.id("edit-withdraw")).click();
        Map<String, Object> withdrawn = waitForOperation("withdraw", () -> driver.findElement(By.id("withdraw-yes")).click(),
                TIMEOUT);
        assertEquals(204L, withdrawn.get("status"), "withdrawn: " + withdrawn);
        assertEquals("none", driver.findElement(By.id("selection")).getDomAttribute("data-state"));
        long liveParcels = planner.get("/ogc/collections/parcels/items?limit=1").json().get("numberMatched").asLong();

        // A first outline, drawn with the mouse in the middle of the freed land: far too small.
        driver.findElement(By.id("new-parcel")).click();
        List<double[]> centre = containerPoints(List.of(centroid(freedRing)));
        double cx = centre.get(0)[0];
        double cy = centre.get(0)[1];
        int h = SMALL_SQUARE_HALF_PIXELS;
        clickOnMap(List.of(new double[] {cx - h, cy - h}, new double[] {cx + h, cy - h}, new double[] {cx + h, cy + h},
                new double[] {cx - h, cy + h}, new double[] {cx - h, cy - h}));
        new WebDriverWait(driver, TIMEOUT).until(d -> "new".equals(page("return hooks.plannerEdit.draft && hooks.plannerEdit.draft.mode")));
        assertEquals("laser-industry", new Select(driver.findElement(By.id("edit-zone"))).getFirstSelectedOption()
                .getDomAttribute("value"), "the zone under the drawing is proposed");
        new Select(driver.findElement(By.id("edit-landuse"))).selectByValue("100101");

        Map<String, Object> firstCheck = waitForOperation("check", () -> driver.findElement(By.id("edit-check")).click(),
                TIMEOUT);
        assertEquals(200L, firstCheck.get("status"), "the dry run answered: " + firstCheck);
        WebElement tooSmall = driver.findElement(By.cssSelector("#edit-findings li.finding[data-rule='parcel.area']"));
        assertEquals("error", tooSmall.getDomAttribute("data-severity"), "too small is an error");
        assertTrue(tooSmall.getText().contains("m²"), "the finding states the area: " + tooSmall.getText());
        assertEquals("false", badge().getDomAttribute("data-valid"));
        assertTrue((Long) page("return hooks.plannerEdit.findingsLayer.getLayers().length") >= 1, "findings are drawn on the map");
        saveScreenshotIfAsked();

        // Saving it anyway: the service refuses (422), the page lists why, and nothing is stored.
        Map<String, Object> refused = waitForOperation("save", () -> driver.findElement(By.id("edit-save")).click(),
                TIMEOUT);
        assertEquals(422L, refused.get("status"), "refused: " + refused);
        assertFalse(driver.findElements(By.cssSelector("#edit-findings li.finding[data-rule='parcel.area']")).isEmpty(),
                "the refusal lists the finding");
        assertTrue(driver.findElement(By.id("edit-message")).getText().contains("nothing was saved"));
        assertEquals(liveParcels, planner.get("/ogc/collections/parcels/items?limit=1").json().get("numberMatched").asLong(),
                "no parcel was stored");

        // Redraw it around the freed land, clicking just inside each corner: the corners snap onto the neighbours'.
        driver.findElement(By.id("outline-draw")).click();
        clickOnMap(justInside(containerPoints(freedRing.subList(0, freedRing.size() - 1))));
        new WebDriverWait(driver, TIMEOUT).until(d -> "drawn".equals(
                d.findElement(By.id("outline-text")).getDomAttribute("data-kind"))
                && ((Number) page("return hooks.plannerEdit.draft.geometry.coordinates[0].length")).intValue() == freedRing.size());
        Map<String, Object> secondCheck = waitForOperation("check", () -> driver.findElement(By.id("edit-check")).click(),
                TIMEOUT);
        assertEquals(200L, secondCheck.get("status"));
        assertEquals("true", badge().getDomAttribute("data-valid"), "the redrawn parcel is valid: " + badge().getText());
        assertTrue(driver.findElements(By.cssSelector("#edit-findings li.finding[data-severity='error']")).isEmpty(),
                "no error findings remain");

        Map<String, Object> saved = waitForOperation("save", () -> driver.findElement(By.id("edit-save")).click(),
                TIMEOUT);
        assertEquals(201L, saved.get("status"), "created: " + saved);
        String newId = (String) page("return hooks.plannerEdit.lastResult.id");
        assertNotNull(newId);
        assertNotEquals(REPLANNED, newId, "the service names the new parcel");
        assertEquals(newId, driver.findElement(By.id("selection-id")).getText(), "the saved parcel is selected");
        JsonNode created = planner.get("/ogc/collections/parcels/items/" + newId).json();
        assertEquals(replannedAreaM2, created.at("/properties/areaM2").asDouble(), 0.5,
                "snapped onto the corners, the new parcel covers exactly the freed land");
        assertEquals(200, anonymous.get("/ogc/collections/available-sites/items/" + newId).status(),
                "investors are offered the new site");

        // Propose an allocation to an enterprise with pledges above the zone's minimums.
        driver.findElement(By.id("tab-allocations")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("propose-form")).isDisplayed());
        type("propose-name", "Jinan Photonics Co., Ltd. 济南光子科技有限公司");
        type("propose-use", "Fibre-laser assembly · 光纤激光器生产");
        type("propose-investment", "350");
        type("propose-tax", "30");
        type("propose-far", "1.5");
        type("propose-coverage", "50");
        type("propose-green", "15");
        type("propose-height", "24");
        Map<String, Object> proposed = waitForOperation("propose", () -> driver.findElement(By.id("propose-submit")).click(),
                TIMEOUT);
        assertEquals(201L, proposed.get("status"), "proposed: " + proposed);
        assertEquals("reserved", driver.findElement(By.id("selection-status")).getDomAttribute("data-status"));
        WebElement proposal = driver.findElement(By.cssSelector("#alloc-list li.alloc-card"));
        assertEquals("proposed", proposal.getDomAttribute("data-state"));
        String allocationId = proposal.getDomAttribute("data-allocation-id");

        // Four eyes: the proposer's approve button is disabled, and the card says why.
        WebElement ownApprove = driver.findElement(By.cssSelector("#alloc-list button[data-action='approve']"));
        assertFalse(ownApprove.isEnabled(), "the proposer cannot approve their own proposal");
        String why = driver.findElement(By.cssSelector("#alloc-list [data-four-eyes-note]")).getText();
        assertTrue(why.contains("another planner must approve it") && why.contains("须由另一位规划人员批准"),
                "a bilingual explanation: " + why);

        // A second planner signs in, finds the parcel and approves, confirming in the page first.
        forgetSession();
        driver.get(baseUrl() + "/planner.html?animate=0");
        new WebDriverWait(driver, TIMEOUT).until(d -> path().equals("/login.html"));
        submitSignInForm(APPROVER, ServiceClient.USER_PASSWORD);
        waitForWorkspace(PAGE_TIMEOUT);
        waitForOperation("load", () -> driver.findElement(By.id("find-parcel-id")).sendKeys(newId, Keys.ENTER),
                TIMEOUT);
        driver.findElement(By.id("tab-allocations")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> !d.findElements(
                By.cssSelector("#alloc-list button[data-action='approve']:not([disabled])")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#alloc-list [data-four-eyes-note]")).isEmpty(),
                "no four-eyes note for another planner");
        driver.findElement(By.cssSelector("#alloc-list button[data-action='approve']")).click();
        WebElement confirm = driver.findElement(By.cssSelector("#alloc-list .alloc-confirm"));
        assertTrue(confirm.isDisplayed(), "approval asks for confirmation");
        assertTrue(confirm.getText().contains("Approve") && confirm.getText().contains("确认批准"),
                "a bilingual confirmation: " + confirm.getText());
        assertEquals("proposed", planner.get("/api/allocations/" + allocationId).json().get("state").asString(),
                "nothing is approved before the confirmation");
        // Cancel first: the buttons come back, nothing changes.
        driver.findElement(By.cssSelector("#alloc-list button[data-cancel-approve]")).click();
        assertFalse(driver.findElement(By.cssSelector("#alloc-list .alloc-confirm")).isDisplayed());
        driver.findElement(By.cssSelector("#alloc-list button[data-action='approve']")).click();
        Map<String, Object> approved = waitForOperation("approve",
                () -> driver.findElement(By.cssSelector("#alloc-list button[data-confirm-approve]")).click(), TIMEOUT);
        assertEquals(200L, approved.get("status"), "approved: " + approved);
        assertEquals("approved", driver.findElement(By.cssSelector("#alloc-list li.alloc-card")).getDomAttribute("data-state"));
        assertEquals("allocated", driver.findElement(By.id("selection-status")).getDomAttribute("data-status"));
        JsonNode decided = planner.get("/api/allocations/" + allocationId).json();
        assertEquals("approved", decided.get("state").asString());
        assertEquals(PLANNER, decided.at("/proposed/by").asString());
        assertEquals(APPROVER, decided.at("/approved/by").asString());

        // The history tells the story, newest first.
        waitForOperation("history", () -> driver.findElement(By.id("tab-history")).click(), TIMEOUT);
        @SuppressWarnings("unchecked")
        List<String> actions = (List<String>) js(
                "return [...document.querySelectorAll('#history-list .timeline-event')].map(e => e.dataset.action)");
        assertTrue(actions.containsAll(List.of("create", "propose", "reserve", "approve", "allocate")), "history: " + actions);
        assertEquals("create", actions.get(actions.size() - 1), "the creation comes last: " + actions);
        assertTrue(driver.findElement(By.id("history-list")).getText().contains(PLANNER), "events name the planner");
        assertTrue(driver.findElement(By.id("history-list")).getText().contains(APPROVER), "and the approver");

        // The budget chart: one bar per zone; the laser-industry zone now has allocated land.
        waitForOperation("budget", () -> driver.findElement(By.id("tab-budget")).click(), TIMEOUT);
        long zones = planner.get("/ogc/collections/zones/items?limit=1").json().get("numberMatched").asLong();
        assertEquals(zones, (Long) js("return document.querySelectorAll('#budget-chart .budget-row').length"));
        assertTrue((Long) js("return document.querySelectorAll(\"#budget-chart .budget-row[data-zone='laser-industry'] .seg-allocated\").length") == 1);

        // Sign out; the public map, as any visitor sees it, no longer offers the site.
        driver.findElement(By.id("sign-out")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> path().equals("/login.html"));
        assertTrue(driver.findElement(By.id("login-signed-out")).isDisplayed(), "the sign-in page confirms the sign-out");
        assertEquals(404, anonymous.get("/ogc/collections/available-sites/items/" + newId).status());

        openMap("");
        long offered = anonymous.get("/ogc/collections/available-sites/items?limit=1").json().get("numberMatched").asLong();
        assertEquals(String.valueOf(offered), driver.findElement(By.id("site-count")).getDomAttribute("data-count"));
        assertTrue(driver.findElements(By.cssSelector("#site-list .site-row[data-parcel-id='" + newId + "']")).isEmpty(),
                "the allocated site is not listed as available");
        assertTrue(driver.findElements(By.cssSelector("#site-list .site-row[data-parcel-id='" + REPLANNED + "']")).isEmpty(),
                "nor is the withdrawn parcel");
        assertTrue(driver.findElement(By.id("sign-in-link")).isDisplayed(), "the visitor is offered the sign-in link");
    }

    @Test
    void anInquiryBecomesAProposalToItsCompanyAndIsClosed() {
        ServiceClient anonymous = new ServiceClient(baseUrl());
        anonymous.ensureUser("planner", PLANNER);
        ServiceClient planner = anonymous.as(PLANNER, ServiceClient.USER_PASSWORD);
        String parcel = null;
        for (JsonNode site : anonymous.get("/ogc/collections/available-sites/items?limit=1000&zone=laser-industry")
                .json().get("features")) {
            String id = site.get("id").asString();
            if (!id.equals(REPLANNED)) {
                parcel = id;
            }
        }
        assertNotNull(parcel, "an available laser-industry parcel");
        ServiceClient.Reply sent = anonymous.asNew("investor", "investor-zhou").postJson("/api/inquiries",
                "{\"parcelId\": \"" + parcel + "\", \"company\": \"Quancheng Optics 泉城光学\", "
                        + "\"contact\": \"zhou@example.com\", \"message\": \"We would like this site.\"}");
        assertEquals(201, sent.status(), sent.body());
        String inquiry = sent.json().get("id").asString();

        forgetSession();
        signIn(PLANNER, ServiceClient.USER_PASSWORD);
        driver.get(baseUrl() + "/planner.html?animate=0");
        waitForWorkspace(PAGE_TIMEOUT);
        waitForOperation("inquiries", () -> driver.findElement(By.id("tab-inquiries")).click(), TIMEOUT);
        WebElement propose = driver.findElement(By.cssSelector(
                "#inquiries-list li[data-inquiry-id='" + inquiry + "'] button[data-propose]"));
        assertTrue(propose.getText().contains("Propose to this company") && propose.getText().contains("向该企业提出供地方案"),
                "a bilingual offer: " + propose.getText());
        propose.click();
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("propose-form")).isDisplayed()
                && d.findElement(By.id("propose-inquiry")).isDisplayed());
        assertEquals(parcel, driver.findElement(By.id("selection-id")).getText());
        assertEquals("Quancheng Optics 泉城光学", driver.findElement(By.id("propose-name")).getDomProperty("value"),
                "the form is prefilled with the company");
        assertEquals("enterprise", new Select(driver.findElement(By.id("propose-type"))).getFirstSelectedOption()
                .getDomAttribute("value"));
        type("propose-use", "Optical lens plant · 光学镜片生产");
        type("propose-investment", "350");
        type("propose-tax", "30");
        Map<String, Object> proposed = waitForOperation("propose",
                () -> driver.findElement(By.id("propose-submit")).click(), TIMEOUT);
        assertEquals(201L, proposed.get("status"), "proposed: " + proposed);
        String allocationId = driver.findElement(By.cssSelector("#alloc-list li.alloc-card"))
                .getDomAttribute("data-allocation-id");
        JsonNode allocation = planner.get("/api/allocations/" + allocationId).json();
        assertEquals(inquiry, allocation.get("inquiryId").asString());
        assertEquals("Quancheng Optics 泉城光学", allocation.at("/allottee/name").asString());
        JsonNode closed = planner.get("/api/inquiries/" + inquiry).json();
        assertEquals("closed", closed.get("state").asString());
        assertEquals("proposed as allocation " + allocationId, closed.get("closingNote").asString());
        forgetSession();
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheSignInPageWithAnError() {
        new ServiceClient(baseUrl()).ensureUser("planner", PLANNER);
        forgetSession();
        driver.get(baseUrl() + "/login.html");
        new WebDriverWait(driver, TIMEOUT).until(d -> "ready".equals(flag("loginState")));
        assertFalse(driver.findElement(By.id("login-error")).isDisplayed(), "no error before trying");

        submitSignInForm(PLANNER, "not-the-password");
        new WebDriverWait(driver, TIMEOUT).until(d -> "error".equals(flag("loginState")));
        assertEquals("/login.html", path());
        WebElement error = driver.findElement(By.id("login-error"));
        assertTrue(error.isDisplayed());
        assertTrue(error.getText().contains("Wrong username or password") && error.getText().contains("用户名或密码错误"),
                "a bilingual error: " + error.getText());
        assertEquals("", driver.findElement(By.id("password")).getDomProperty("value"), "the password field is cleared");

        // The right password then works from the same page.
        submitSignInForm(PLANNER, ServiceClient.USER_PASSWORD);
        waitForWorkspace(PAGE_TIMEOUT);
        forgetSession();
    }

    @Test
    void anInvestorLandsOnTheMapWithoutTheAuditOrTheWorkspace() {
        new ServiceClient(baseUrl()).ensureUser("investor", INVESTOR);
        forgetSession();
        signIn(INVESTOR, ServiceClient.USER_PASSWORD);
        try {
            assertEquals("/", path(), "investors land on the public map");
            openMap("");
            new WebDriverWait(driver, TIMEOUT).until(d -> "true".equals(flag("accountKnown")));
            assertEquals(INVESTOR, driver.findElement(By.cssSelector("#account .account-name")).getText());
            assertFalse(driver.findElement(By.id("tab-audit")).isDisplayed(), "the audit is for planners");
            assertTrue(driver.findElements(By.id("planner-link")).isEmpty(), "no way into the workspace");
            assertTrue(driver.findElement(By.id("sign-out")).isDisplayed());
        } finally {
            forgetSession();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Page helpers
    // ------------------------------------------------------------------------------------------------

    private WebElement badge() {
        return driver.findElement(By.id("edit-badge"));
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the map at these container points (pixels from its top-left corner), as a planner drawing would. */
    private void clickOnMap(List<double[]> points) {
        WebElement map = driver.findElement(By.id("map"));
        // Selenium's offsets are from the element's centre.
        double halfWidth = map.getSize().getWidth() / 2.0;
        double halfHeight = map.getSize().getHeight() / 2.0;
        for (double[] p : points) {
            new Actions(driver).moveToElement(map, (int) Math.round(p[0] - halfWidth), (int) Math.round(p[1] - halfHeight))
                    .click().pause(Duration.ofMillis(100)).perform();
        }
    }

    /** Where CRS84 positions are on the map now, as container points. */
    @SuppressWarnings("unchecked")
    private List<double[]> containerPoints(List<List<Number>> positions) {
        List<List<Number>> points = (List<List<Number>>) page("""
                const m = hooks.plannerMap.map;
                return args[0].map(([lng, lat]) => { const p = m.latLngToContainerPoint([lat, lng]); return [p.x, p.y]; });""",
                positions);
        return points.stream().map(p -> new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()}).toList();
    }

    /** Each corner moved a few pixels towards the middle, then the first again to close the ring. */
    private static List<double[]> justInside(List<double[]> corners) {
        double mx = corners.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = corners.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        List<double[]> clicks = new ArrayList<>();
        for (double[] p : corners) {
            clicks.add(new double[] {p[0] + Math.signum(mx - p[0]) * CLICK_INSIDE_PIXELS,
                p[1] + Math.signum(my - p[1]) * CLICK_INSIDE_PIXELS});
        }
        clicks.add(clicks.get(0));
        return clicks;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Number>> ring(Object geometry) {
        List<List<List<Number>>> rings = (List<List<List<Number>>>) ((Map<String, Object>) geometry).get("coordinates");
        return rings.get(0);
    }

    /** The mean of a closed ring's corners (CRS84): inside the convex parcels used here. */
    private static List<Number> centroid(List<List<Number>> closedRing) {
        List<List<Number>> corners = closedRing.subList(0, closedRing.size() - 1);
        double lng = corners.stream().mapToDouble(p -> p.get(0).doubleValue()).average().orElseThrow();
        double lat = corners.stream().mapToDouble(p -> p.get(1).doubleValue()).average().orElseThrow();
        return List.of(lng, lat);
    }

    private void saveScreenshotIfAsked() throws IOException {
        String target = System.getenv("PLANNER_SCREENSHOT");
        if (target == null || target.isBlank()) {
            return;
        }
        // The check's verdict and findings in view: scroll the panel to them.
        js("document.getElementById('edit-result').scrollIntoView({ block: 'center' })");
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of(target).toAbsolutePath().getParent());
        Files.copy(shot, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
    }
}
