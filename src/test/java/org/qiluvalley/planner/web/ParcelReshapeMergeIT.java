package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merge and lineage in the planner workspace (web/planner.html), against the real service: a planner merges two
 * neighbouring available parcels by clicking them on the map, previews the merged parcel's area, saves the merge,
 * and both parcels retire into the new one; the History panel of a parcel made by a split lists its parent with the
 * operation, the actor and the time, and says that the retired parent is not on the map when its id is clicked.
 *
 * <p>Set up as {@link ParcelReshapeIT} is. The parcels are chosen through the API and taken through
 * {@link Planning}, so no other test of the service uses them; the steps are driven through the page, and the API
 * is read to confirm what the page did.
 */
class ParcelReshapeMergeIT extends ReshapeBrowserTest {

    /** The least length of boundary two parcels to merge share, metres: an edge, not a corner. */
    private static final double SHARED_EDGE_METRES = 10;
    /** The least area of the parcel split for the lineage test, m²: two halves that each meet the rule book. */
    private static final double SPLIT_AREA_M2 = 14_000;

    // ------------------------------------------------------------------------------------------------
    // Tests
    // ------------------------------------------------------------------------------------------------

    @Test
    void aPlannerMergesTwoNeighbouringParcelsByClickingThem() {
        ServiceClient planner = signedInPlanner();
        Pair pair = takeMergeablePair(planner);
        String first = pair.first().get("id").asString();
        String second = pair.second().get("id").asString();
        double sumM2 = pair.first().at("/properties/areaM2").asDouble() + pair.second().at("/properties/areaM2").asDouble();

        // Both parcels in view; the first selected by a click on the map, as a planner would.
        openWorkspaceWith(second);
        frame(pair.first(), pair.second());
        clickOnMap(List.of(screenPoint(pair.first())));
        assertEquals(first, driver.findElement(By.id("selection-id")).getText(), "a click selects the first parcel");

        // Merge starts from the selected parcel; a click on its neighbour adds it to the merge set.
        driver.findElement(By.id("merge-start")).click();
        assertEquals("merge", page("return hooks.plannerReshape.mode"));
        assertEquals(List.of(first), page("return hooks.plannerReshape.members"));
        assertFalse(driver.findElement(By.id("reshape-preview")).isEnabled(), "no preview of one parcel");
        clickOnMap(List.of(screenPoint(pair.second())));
        assertEquals(List.of(first, second), page("return hooks.plannerReshape.members"), "the click added the neighbour");
        assertEquals(2, driver.findElements(By.cssSelector("#reshape-members li.reshape-member")).size());

        // Preview: the dry run's merged parcel with its area in m² and 亩.
        Map<String, Object> preview = waitForOperation("merge-preview",
                () -> driver.findElement(By.id("reshape-preview")).click(), TIMEOUT);
        assertEquals(200L, preview.get("status"), "the dry run answered: " + preview);
        List<WebElement> parts = driver.findElements(By.cssSelector("#reshape-parts li.reshape-part"));
        assertEquals(1, parts.size(), "one merged parcel in the preview");
        assertEquals(first + "-M", parts.get(0).getDomAttribute("data-part-id"), "the default id of a merge");
        String area = parts.get(0).findElement(By.className("reshape-area")).getText();
        double m2 = numberBefore(area, "m²");
        assertEquals(sumM2, m2, 1.0, "the merged parcel covers both: " + area);
        assertEquals(m2 / Crs.SQUARE_METRES_PER_MU, numberBefore(area, "亩"), 0.01, "亩 agrees with m²: " + area);
        assertEquals("true", String.valueOf(page("return hooks.plannerReshape.lastResult.valid")), "it meets the rule book");
        assertTrue(driver.findElement(By.id("reshape-save")).isEnabled(), "a valid preview can be saved");

        // Save: both parcels retire into the new one, which is selected.
        Map<String, Object> saved = waitForOperation("merge", () -> driver.findElement(By.id("reshape-save")).click(),
                TIMEOUT);
        assertEquals(201L, saved.get("status"), "merge: " + saved);
        String merged = (String) page("return hooks.plannerReshape.lastResult.id");
        assertEquals(first + "-M", merged);

        for (String parent : List.of(first, second)) {
            JsonNode retired = planner.get("/ogc/collections/parcels/items/" + parent).json();
            assertEquals("retired", retired.at("/properties/status").asString(), parent + " is retired");
            assertEquals(List.of(merged), ids(retired.at("/properties/supersededBy")), parent + " is superseded");
        }
        JsonNode feature = planner.get("/ogc/collections/parcels/items/" + merged).json();
        assertEquals("available", feature.at("/properties/status").asString(), merged + " is in the register");
        assertEquals(Set.of(first, second), Set.copyOf(ids(feature.at("/properties/derivedFrom"))),
                merged + " is derived from both");
        assertEquals(sumM2, feature.at("/properties/areaM2").asDouble(), 1.0, "the stored area");

        assertEquals(merged, driver.findElement(By.id("selection-id")).getText(), "the merged parcel is selected");
        WebElement message = driver.findElement(By.id("workspace-message"));
        assertEquals("success", message.getDomAttribute("data-kind"));
        assertTrue(message.getText().contains(first) && message.getText().contains(second)
                && message.getText().contains(merged) && message.getText().contains("合并"),
                "the message names the parcels in both languages: " + message.getText());
        assertTrue(driver.findElement(By.id("reshape")).getDomAttribute("hidden") != null, "the merge box is closed");

        // Its History lists both parents, merged by the planner.
        waitForOperation("history", () -> driver.findElement(By.id("tab-history")).click(), TIMEOUT);
        List<WebElement> links = driver.findElements(By.cssSelector("#lineage-ancestors li.lineage-link"));
        assertEquals(Set.of(first, second), Set.copyOf(links.stream().map(l -> l.getDomAttribute("data-parcel-id")).toList()));
        for (WebElement link : links) {
            assertEquals("merge", link.getDomAttribute("data-operation"));
            assertTrue(link.getText().contains("merge") && link.getText().contains("合并")
                    && link.getText().contains(PLANNER), link.getText());
        }
    }

    @Test
    void theHistoryOfASplitPartListsItsRetiredParent() {
        ServiceClient planner = signedInPlanner();
        JsonNode split = splitThroughTheApi(planner);
        String parent = split.at("/parent/id").asString();
        String child = split.at("/children/0/id").asString();
        JsonNode link = planner.get("/api/parcels/" + child + "/lineage").json().at("/ancestors/0");
        assertEquals(parent, link.get("id").asString(), "the API's lineage names the parent");

        openWorkspaceWith(child);
        Map<String, Object> history = waitForOperation("history",
                () -> driver.findElement(By.id("tab-history")).click(), TIMEOUT);
        assertEquals(200L, history.get("status"), "the history loaded: " + history);
        assertTrue(driver.findElement(By.id("lineage")).isDisplayed(), "the lineage section shows");
        List<WebElement> ancestors = driver.findElements(By.cssSelector("#lineage-ancestors li.lineage-link"));
        assertEquals(1, ancestors.size(), "one parent");
        WebElement entry = ancestors.get(0);
        assertEquals(parent, entry.getDomAttribute("data-parcel-id"));
        assertEquals("split", entry.getDomAttribute("data-operation"));
        String text = entry.getText();
        assertTrue(text.contains("split") && text.contains("分割"), "the operation in both languages: " + text);
        assertTrue(text.contains(parent + " → " + child), "from the parent to this part: " + text);
        assertEquals(PLANNER, entry.findElement(By.cssSelector(".timeline-meta b")).getText(), "the actor");
        WebElement time = entry.findElement(By.tagName("time"));
        assertEquals(link.get("at").asString(), time.getDomAttribute("datetime"), "the time of the split");
        assertTrue(time.getText().matches(".*\\d{4}.*\\d{2}:\\d{2}.*"), "a readable date and time: " + time.getText());
        assertTrue(driver.findElements(By.cssSelector("#lineage-descendants li")).isEmpty(), "a new part has no descendants");

        // The parent is retired, so not on the map: its id says so and the part stays selected.
        WebElement message = driver.findElement(By.id("history-message"));
        entry.findElement(By.cssSelector("button.lineage-id")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> message.isDisplayed());
        assertEquals("info", message.getDomAttribute("data-kind"));
        assertTrue(message.getText().contains(parent) && message.getText().contains("not on the map"),
                message.getText());
        assertEquals(child, driver.findElement(By.id("selection-id")).getText(), "the part stays selected");
        assertEquals(false, page("return hooks.plannerMap.data.parcels.has(args[0])", parent), "the parent is not drawn");
    }

    // ------------------------------------------------------------------------------------------------
    // Parcels through the API
    // ------------------------------------------------------------------------------------------------

    private record Pair(JsonNode first, JsonNode second) {
    }

    /**
     * Two available laser-industry parcels nobody else has taken that share an edge of more than
     * {@link #SHARED_EDGE_METRES} (EPSG:4548) and whose union is one polygon without a hole, which the dry run of
     * the merge finds valid; taken for this test.
     */
    private Pair takeMergeablePair(ServiceClient planner) {
        ServiceClient anonymous = new ServiceClient(baseUrl());
        List<JsonNode> sites = new ArrayList<>();
        anonymous.get("/ogc/collections/available-sites/items?limit=1000&zone=" + Planning.ENTERPRISE_ZONE).json()
                .get("features").forEach(sites::add);
        List<Geometry> planar = sites.stream().map(s -> CrsTransform.toPlanar(crs84(s))).toList();
        for (int i = 0; i < sites.size(); i++) {
            for (int j = i + 1; j < sites.size(); j++) {
                Geometry a = planar.get(i);
                Geometry b = planar.get(j);
                if (a.distance(b) > 0.01 || a.getBoundary().intersection(b.getBoundary()).getLength() <= SHARED_EDGE_METRES
                        || !(a.union(b) instanceof Polygon union) || union.getNumInteriorRing() > 0) {
                    continue;
                }
                String first = sites.get(i).get("id").asString();
                String second = sites.get(j).get("id").asString();
                if (Planning.taken(anonymous, first) || Planning.taken(anonymous, second)
                        || !Planning.take(anonymous, first, second)) {
                    continue;
                }
                ObjectNode body = Planning.object();
                ArrayNode parcels = body.putArray("parcels");
                for (String id : List.of(first, second)) {
                    parcels.addObject().put("id", id)
                            .put("etag", planner.get("/ogc/collections/parcels/items/" + id).header("ETag"));
                }
                ServiceClient.Reply dryRun = planner.postJson("/api/parcels/merge?dryRun=true", body.toString());
                if (dryRun.status() == 200 && dryRun.json().get("valid").asBoolean()) {
                    return new Pair(sites.get(i), sites.get(j));
                }
            }
        }
        throw new IllegalStateException("no two neighbouring available " + Planning.ENTERPRISE_ZONE
                + " parcels that merge into a valid parcel");
    }

    /**
     * Splits a parcel nobody else has taken in two through the API, as the planner: a cut across its middle (north-south,
     * else east-west) whose parts the dry run finds valid. Returns the 201 answer {parent, children}.
     */
    private JsonNode splitThroughTheApi(ServiceClient planner) {
        Planning planning = new Planning(new ServiceClient(baseUrl()));
        for (int attempt = 0; attempt < 10; attempt++) {
            String id = planning.takeAvailableParcelOfAtLeast(SPLIT_AREA_M2);
            ServiceClient.Reply read = planner.get("/ogc/collections/parcels/items/" + id);
            Geometry outline = CrsTransform.toPlanar(crs84(read.json()));
            var box = outline.getEnvelopeInternal();
            double x = (box.getMinX() + box.getMaxX()) / 2;
            double y = (box.getMinY() + box.getMaxY()) / 2;
            for (double[] line : List.of(new double[] {x, box.getMinY() - 10, x, box.getMaxY() + 10},
                    new double[] {box.getMinX() - 10, y, box.getMaxX() + 10, y})) {
                ObjectNode body = Planning.object().put("crs", Crs.PLANAR_URI);
                ArrayNode coordinates = body.putObject("line").put("type", "LineString").putArray("coordinates");
                coordinates.addArray().add(line[0]).add(line[1]);
                coordinates.addArray().add(line[2]).add(line[3]);
                ServiceClient.Reply dryRun = planner.postJson("/api/parcels/" + id + "/split?dryRun=true",
                        body.toString());
                if (dryRun.status() != 200 || !dryRun.json().get("valid").asBoolean()) {
                    continue;
                }
                ServiceClient.Reply done = planner.send(planner.request("/api/parcels/" + id + "/split")
                        .header("Content-Type", "application/json").header("If-Match", read.header("ETag"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
                assertEquals(201, done.status(), "split " + id + ": " + done.body());
                return done.json();
            }
        }
        throw new IllegalStateException("no available parcel of " + SPLIT_AREA_M2 + " m² splits into valid halves");
    }

    private static Geometry crs84(JsonNode feature) {
        return GeoJson.readGeometry(feature.get("geometry"), CrsTransform.CRS84);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asString()));
        return ids;
    }

    // ------------------------------------------------------------------------------------------------
    // Page helpers
    // ------------------------------------------------------------------------------------------------

    /** Frames these parcels on the map and waits until the view's parcels, these among them, are drawn. */
    private void frame(JsonNode... features) {
        var box = crs84(features[0]).getEnvelopeInternal();
        for (JsonNode feature : features) {
            box.expandToInclude(crs84(feature).getEnvelopeInternal());
        }
        page("""
                const p = hooks.plannerMap;
                p.map.fitBounds([[args[0], args[1]], [args[2], args[3]]],
                  { paddingTopLeft: [80, 80], paddingBottomRight: [p.controlsInset() + 80, 80], maxZoom: 18, animate: false });
                await p.idle();""", box.getMinY(), box.getMinX(), box.getMaxY(), box.getMaxX());
        for (JsonNode feature : features) {
            assertEquals(true, page("return hooks.plannerMap.data.parcels.has(args[0])", feature.get("id").asString()),
                    feature.get("id").asString() + " is drawn");
        }
    }

    /** A point inside the parcel, in the map's container pixels. */
    private double[] screenPoint(JsonNode feature) {
        Point inside = crs84(feature).getInteriorPoint();
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) page("""
                const p = hooks.plannerMap.map.latLngToContainerPoint([args[0], args[1]]); return [p.x, p.y];""",
                inside.getY(), inside.getX());
        return new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()};
    }
}
