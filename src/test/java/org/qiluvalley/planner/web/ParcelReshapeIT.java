package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

/**
 * Reshaping the plan in the planner workspace (web/planner.html): a planner splits an available parcel by drawing a
 * line across it with the mouse, sees the two parts with their areas in the dry run's preview, saves the split, and
 * the parent is retired with both parts in the register; the selected parcel's "Print conditions" links open its
 * planning-conditions letter; and the public map's popup of an available site links to the same letter.
 *
 * <p>Set up as {@link PlannerWorkflowIT} is (the real application on a fresh embedded database seeded from
 * gis-data, one headless Chromium for the class). Every step is driven through the page; the API is only read, to
 * set expectations and to confirm what the page did. Waits are on the page's flags and operation log.
 */
class ParcelReshapeIT extends ReshapeBrowserTest {

    /**
     * The available laser-industry parcel that is split: 107 m × 151 m, fronting a road reserve along its south edge
     * only, so a north-south cut leaves two parts of about 7,800 m² that both front the road and meet the rule book.
     */
    private static final String SPLIT = "QOV-LI-021";
    /** How far beyond the parcel's south and north edges the cut starts and ends, screen pixels. */
    private static final int BEYOND_EDGE_PIXELS = 30;

    // ------------------------------------------------------------------------------------------------
    // Tests
    // ------------------------------------------------------------------------------------------------

    @Test
    void aPlannerSplitsAnAvailableParcelByDrawingALineAcrossIt() throws IOException {
        ServiceClient planner = signedInPlanner();
        assertTrue(Planning.take(planner, SPLIT), SPLIT + " is this test's: no other test of the service may take it");
        JsonNode parent = planner.get("/ogc/collections/parcels/items/" + SPLIT).json();
        assertEquals("available", parent.at("/properties/status").asString(), "the test splits an available parcel");
        double parentAreaM2 = parent.at("/properties/areaM2").asDouble();

        openWorkspaceWith(SPLIT);
        driver.findElement(By.id("split-start")).click();
        assertEquals("split", page("return hooks.plannerReshape.mode"));

        // A north-south line through the middle, from below the south edge to above the north edge.
        @SuppressWarnings("unchecked")
        List<List<Number>> ends = (List<List<Number>>) page("""
                const m = hooks.plannerMap.map, b = hooks.plannerMap.parcelLayer(args[0]).getBounds();
                const lng = (b.getWest() + b.getEast()) / 2;
                return [[lng, b.getSouth()], [lng, b.getNorth()]].map(([x, y]) => {
                  const p = m.latLngToContainerPoint([y, x]); return [p.x, p.y]; });""", SPLIT);
        double x = ends.get(0).get(0).doubleValue();
        clickOnMap(List.of(new double[] {x, ends.get(0).get(1).doubleValue() + BEYOND_EDGE_PIXELS},
                new double[] {x, ends.get(1).get(1).doubleValue() - BEYOND_EDGE_PIXELS}));

        // "Finish line" ends the line and runs the dry run: two parts, each with its area in m² and mu.
        Map<String, Object> preview = waitForOperation("split-preview",
                () -> driver.findElement(By.id("reshape-finish")).click(), TIMEOUT);
        assertEquals(200L, preview.get("status"), "the dry run answered: " + preview);
        List<WebElement> parts = driver.findElements(By.cssSelector("#reshape-parts li.reshape-part"));
        assertEquals(2, parts.size(), "two parts in the preview");
        double sumM2 = 0;
        for (WebElement part : parts) {
            String area = part.findElement(By.className("reshape-area")).getText();
            double m2 = numberBefore(area, "m²");
            double mu = numberBefore(area, "亩");
            assertTrue(m2 > 5000, "each part is a real parcel: " + area);
            assertEquals(m2 / (10_000.0 / 15), mu, 0.01, "亩 agrees with m²: " + area);
            assertTrue(area.matches("(?s).*\\d,\\d{3}\\.\\d{2} m².*"), "m² with thousands separators and 2 decimals: " + area);
            sumM2 += m2;
        }
        assertEquals(parentAreaM2, sumM2, 1.0, "the parts cover the parent");
        assertEquals(2L, page("return hooks.plannerReshape.parts.length"), "both parts are drawn");
        assertEquals("true", String.valueOf(page("return hooks.plannerReshape.lastResult.valid")), "both parts meet the rule book");
        List<String> labels = driver.findElements(By.cssSelector(".parcel-label:not(.reshape-label)")).stream()
                .map(WebElement::getText).toList();
        assertTrue(!labels.isEmpty() && !labels.contains(SPLIT),
                "the neighbours keep their labels, the parent's would sit on the parts' labels: " + labels);
        // docs/screenshot-split.png: SPLIT_SCREENSHOT=docs/screenshot-split.png
        saveScreenshotIfAsked("SPLIT_SCREENSHOT", "reshape");

        // Save: the parent retires, the parts are parcels derived from it, and the first is selected.
        Map<String, Object> saved = waitForOperation("split", () -> driver.findElement(By.id("reshape-save")).click(),
                TIMEOUT);
        assertEquals(201L, saved.get("status"), "split: " + saved);
        @SuppressWarnings("unchecked")
        List<String> children = (List<String>) page("return hooks.plannerReshape.lastResult.ids");
        assertEquals(2, children.size(), "two children: " + children);

        JsonNode retired = planner.get("/ogc/collections/parcels/items/" + SPLIT).json();
        assertEquals("retired", retired.at("/properties/status").asString(), "the parent is retired");
        for (String child : children) {
            JsonNode feature = planner.get("/ogc/collections/parcels/items/" + child).json();
            assertEquals("available", feature.at("/properties/status").asString(), child + " is in the register");
            List<String> derivedFrom = new ArrayList<>();
            feature.at("/properties/derivedFrom").forEach(id -> derivedFrom.add(id.asString()));
            assertEquals(List.of(SPLIT), derivedFrom, child + " is derived from the parent");
        }
        assertEquals(children.get(0), driver.findElement(By.id("selection-id")).getText(), "the first part is selected");
        WebElement message = driver.findElement(By.id("workspace-message"));
        assertEquals("success", message.getDomAttribute("data-kind"));
        assertTrue(message.getText().contains(children.get(0)) && message.getText().contains(children.get(1))
                && message.getText().contains("分割"), "the message names both parts in both languages: " + message.getText());
        assertTrue(driver.findElement(By.id("reshape")).getDomAttribute("hidden") != null, "the split box is closed");
    }

    @Test
    void printConditionsOpensTheSelectedParcelsLetterInANewTab() {
        String id = firstParcel("available");
        signedInPlanner();
        openWorkspaceWith(id);

        WebElement print = driver.findElement(By.id("print-conditions"));
        assertTrue(print.isDisplayed(), "the print link is shown");
        assertTrue(print.getText().contains("Print conditions") && print.getText().contains("打印规划条件"), print.getText());
        assertEquals("/api/parcels/" + id + "/conditions?f=html", print.getDomAttribute("href"));
        assertEquals("_blank", print.getDomAttribute("target"), "in a new tab");
        WebElement pdf = driver.findElement(By.id("print-conditions-pdf"));
        assertEquals("/api/parcels/" + id + "/conditions?f=pdf", pdf.getDomAttribute("href"));
        assertEquals("_blank", pdf.getDomAttribute("target"));
        assertTrue(print.getSize().getHeight() >= 40 && pdf.getSize().getHeight() >= 40, "touch targets of 40 px");
    }

    @Test
    void thePublicPopupOfAnAvailableSiteLinksToItsPrintableConditions() {
        String available = firstParcel("available");
        forgetSession();
        openMap("parcel=" + available);
        WebElement popup = awaitPopup(available);
        WebElement link = popup.findElement(By.cssSelector("a.print-conditions"));
        assertTrue(link.getText().contains("Print planning conditions") && link.getText().contains("打印规划条件"),
                link.getText());
        assertEquals("/api/parcels/" + available + "/conditions?f=html", link.getDomAttribute("href"));
        assertEquals("_blank", link.getDomAttribute("target"), "in a new tab");

        // A site that is not available has no letter to print.
        String unavailable = firstParcel("unavailable");
        openMap("parcel=" + unavailable);
        assertTrue(awaitPopup(unavailable).findElements(By.cssSelector("a.print-conditions")).isEmpty(),
                "no print link for a site that is not available");
    }

    // ------------------------------------------------------------------------------------------------
    // Page helpers
    // ------------------------------------------------------------------------------------------------

    /** The first parcel of the public API with this status (available or unavailable). */
    private String firstParcel(String status) {
        return new ServiceClient(baseUrl()).get("/ogc/collections/parcels/items?status=" + status + "&limit=1")
                .json().at("/features/0/id").asString();
    }

    private WebElement awaitPopup(String id) {
        WebElement popup = new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup .site-popup")));
        assertEquals(id, popup.getDomAttribute("data-parcel-id"), "popup of the selected parcel");
        return popup;
    }
}
