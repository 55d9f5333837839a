package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.openqa.selenium.By;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

/**
 * The investor map on a register large enough to matter: the park plus 22,500 synthetic parcels (a 150 x 150 grid
 * of 100 m cells, 15 x 15 km east of the park) in a fresh embedded store. Below the zoom threshold the map draws
 * the density grid and requests no parcel at all; above it, it requests the parcels of its view by bbox, draws
 * exactly what the API returns for that bbox on a canvas, keeps the side list bounded, and requests nothing more
 * for a small pan inside what it loaded. Waits on the page's own idle hook ({@code investorMap.idle()}), never on
 * sleeps.
 */
class LargeRegisterMapIT extends MapBrowserTest {

    /** Grid of synthetic parcels, EPSG:4548 metres: south-west corner, cell size, cells per side. */
    static final double GRID_EAST = 523_000;
    static final double GRID_NORTH = 4_060_000;
    static final double CELL_METRES = 100;
    static final double INSET_METRES = 5;
    static final int CELLS_PER_SIDE = 150;
    /** The grid's centre in CRS84, about 117.34 E, 36.74 N. */
    static final double[] CENTRE = SyntheticGrid.lonLat(GRID_EAST + CELLS_PER_SIDE * CELL_METRES / 2,
            GRID_NORTH + CELLS_PER_SIDE * CELL_METRES / 2);
    static final int MAX_LIST_ROWS = 300;

    private static boolean loaded;

    @Autowired
    ParcelStore store;

    @BeforeEach
    void loadTheLargeRegister() {
        if (loaded) {
            return;
        }
        new SyntheticGrid(GRID_EAST, GRID_NORTH, CELL_METRES, INSET_METRES, CELLS_PER_SIDE).insertInto(store, 2_500, 5);
        loaded = true;
    }

    @Test
    void belowTheThresholdTheMapDrawsTheDensityGridAndRequestsNoParcel() {
        openMap("map=12/" + CENTRE[1] + "/" + CENTRE[0]);

        assertEquals("density", page("return hooks.investorMap.mode()"));
        assertEquals(12.0, ((Number) page("return hooks.investorMap.map.getZoom()")).doubleValue(), 1e-9,
                "the shared zoom is kept (the map may zoom out this far on this register)");
        long cells = (Long) page("return hooks.investorMap.layers.density.getLayers().length");
        assertTrue(cells > 20, "density cells drawn: " + cells);
        // Choropleth by the available share of a cell's land: the grid's full 1 km cells (about 0.56 available)
        // are in the top class, drawn in its colour.
        long topClass = (Long) page("return hooks.investorMap.layers.density.getLayers()"
                + ".filter(l => l.options.fillColor === '#006d2c' && l.feature.properties.available > 60).length");
        assertTrue(topClass > cells / 2, "most cells in the top class: " + topClass + " of " + cells);
        assertEquals(Boolean.TRUE, page("return hooks.investorMap.map.hasLayer(hooks.investorMap.layers.density)"));
        assertEquals(Boolean.FALSE, page("return hooks.investorMap.map.hasLayer(hooks.investorMap.layers.parcels)"));
        assertEquals(0L, page("return hooks.investorMap.layers.parcels.getLayers().length"));

        List<String> requests = requests();
        assertTrue(requests.stream().noneMatch(r -> r.contains("/collections/parcels/items")),
                "no parcel items request below the threshold: " + requests);
        assertTrue(requests.stream().noneMatch(r -> r.contains("/collections/available-sites/items")), "" + requests);
        assertTrue(requests.stream().anyMatch(r -> r.contains("/api/parcels/density?bbox=") && r.contains("zoom=12")),
                "the density grid of the view was requested: " + requests);

        // The count is the density grid's, and the list holds no rows until the user zooms in.
        long available = ((Number) page("return hooks.investorMap.data.density.totals.available")).longValue();
        assertTrue(available > 10_000, "most of the synthetic sites are around the view: " + available);
        assertEquals(available, shownCount());
        assertEquals(0, driver.findElements(By.cssSelector("#site-list .site-row")).size());
        assertFalse(driver.findElement(By.id("view-note")).getText().isBlank(), "the note says to zoom in");
        assertTrue(driver.findElement(By.cssSelector(".legend-density")).isDisplayed(), "density legend shown");
        assertCanvasOnly();
    }

    @Test
    void zoomingInLoadsTheParcelsOfTheViewOnlyAndDrawsExactlyThoseOfItsBbox() {
        openMap("map=12/" + CENTRE[1] + "/" + CENTRE[0]);
        int before = requests().size();

        awaitIdleAfter("hooks.investorMap.map.setView([args[0], args[1]], 15, {animate: false});",
                CENTRE[1], CENTRE[0]);
        assertEquals("parcels", page("return hooks.investorMap.mode()"));

        List<String> parcelRequests = requests().subList(before, requests().size()).stream()
                .filter(r -> r.contains("/collections/parcels/items")).toList();
        assertFalse(parcelRequests.isEmpty(), "parcels requested after zooming in");
        for (String request : parcelRequests) {
            assertTrue(request.contains("bbox="), "every parcel request carries the view's bbox: " + request);
        }
        String bbox = (String) page("return hooks.investorMap.data.parcelView.bbox");
        assertTrue(parcelRequests.stream().allMatch(r -> r.contains("bbox=" + bbox)), parcelRequests + " vs " + bbox);

        // Exactly the parcels the API returns for that bbox, by id, every status the public sees.
        Map<String, Envelope> api = allParcels(bbox);
        assertTrue(api.size() > 500 && api.size() < 5_000, "a view's worth of parcels: " + api.size());
        assertTrue(api.size() < 22_500 / 4, "far fewer than the register");
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) page(
                "return hooks.investorMap.layers.parcels.getLayers().map(l => l.feature.id)");
        assertEquals(new TreeSet<>(api.keySet()), new TreeSet<>(drawn), "drawn parcels = the API's for the bbox");
        assertEquals(api.size(), drawn.size(), "each drawn once");
        long sitesDrawn = (Long) page("return hooks.investorMap.layers.sites.getLayers().length");
        assertEquals(availableCount(bbox), sitesDrawn, "every available site of the bbox highlighted");

        // The side list: the available sites in view (their outline's lon/lat envelope meets the view's bounds),
        // at most MAX_LIST_ROWS rows.
        @SuppressWarnings("unchecked")
        List<Number> view = (List<Number>) page("""
                const b = hooks.investorMap.map.getBounds();
                return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];""");
        Envelope viewBox = new Envelope(view.get(0).doubleValue(), view.get(2).doubleValue(),
                view.get(1).doubleValue(), view.get(3).doubleValue());
        Set<String> available = availableIds(bbox);
        long inView = api.entrySet().stream()
                .filter(e -> available.contains(e.getKey()) && e.getValue().intersects(viewBox)).count();
        assertTrue(inView > MAX_LIST_ROWS, "the view holds more sites than the list shows: " + inView);
        assertEquals(inView, shownCount(), "#site-count: the available sites in view");
        assertEquals(MAX_LIST_ROWS, driver.findElements(By.cssSelector("#site-list .site-row")).size(),
                "the list is bounded");
        assertTrue(driver.findElement(By.id("view-note")).getText().contains(String.valueOf(MAX_LIST_ROWS)));
        assertCanvasOnly();

        // A small pan inside the loaded margin requests nothing.
        int afterZoom = requests().size();
        awaitIdleAfter("hooks.investorMap.map.panBy([60, 40], {animate: false});");
        assertEquals(List.of(), requests().subList(afterZoom, requests().size()).stream()
                .filter(r -> r.contains("/collections/parcels/items")).toList(), "no request for a small pan");

        // Back below the threshold: the parcels go, the density grid comes back.
        awaitIdleAfter("hooks.investorMap.map.setZoom(13, {animate: false});");
        assertEquals("density", page("return hooks.investorMap.mode()"));
        assertEquals(0L, page("return hooks.investorMap.layers.parcels.getLayers().length"));
        assertTrue((Long) page("return hooks.investorMap.layers.density.getLayers().length") > 0);
    }

    @Test
    void aLinkToAParcelOutsideTheViewStillSelectsAndFramesIt() {
        openMap("parcel=SYN-11326");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_TIMEOUT).until(
                d -> "SYN-11326".equals(page("return hooks.investorMap.state.selectedId")));
        awaitIdleAfter("");
        assertEquals("parcels", page("return hooks.investorMap.mode()"));
        assertTrue((Boolean) page("""
                const m = hooks.investorMap.map;
                const layer = hooks.investorMap.layers.parcels.getLayers().find(l => l.feature.id === 'SYN-11326');
                return Boolean(layer) && m.getBounds().contains(layer.getBounds().getCenter());"""),
                "the linked parcel is drawn and in view");
        assertEquals("SYN-11326", driver.findElement(By.cssSelector(".leaflet-popup .site-popup"))
                .getDomAttribute("data-parcel-id"));
    }

    // ------------------------------------------------------------------------------------------------

    /** Every request the page made, in order (the browser's resource timing entries). */
    @SuppressWarnings("unchecked")
    private List<String> requests() {
        return (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
    }

    /** Runs a script that moves the map, then waits for the page's idle hook. */
    private void awaitIdleAfter(String script, Object... args) {
        page(script + "\nawait hooks.investorMap.idle();\nreturn true;", args);
    }

    private void assertCanvasOnly() {
        assertEquals(Boolean.TRUE, page("return hooks.investorMap.layers.parcels.options.renderer instanceof L.Canvas"
                + " && hooks.investorMap.layers.density.options.renderer instanceof L.Canvas"));
        assertEquals(0L, js("return document.querySelectorAll('.leaflet-overlay-pane svg path').length"),
                "no SVG paths: the parcels and the density grid are drawn on a canvas");
        assertEquals(Boolean.TRUE, js("return Boolean(document.querySelector('.leaflet-overlay-pane canvas'))"));
    }

    /** The leading number of #site-count. */
    private long shownCount() {
        String text = driver.findElement(By.id("site-count")).getText();
        Matcher m = Pattern.compile("^\\s*(\\d+)").matcher(text);
        assertTrue(m.find(), "#site-count starts with a number: " + text);
        return Long.parseLong(m.group(1));
    }

    /** Every parcel the public API returns for a bbox (all pages), id to the lon/lat envelope of its outline. */
    private Map<String, Envelope> allParcels(String bbox) {
        Map<String, Envelope> parcels = new java.util.HashMap<>();
        for (int offset = 0; ; offset += 1000) {
            String json = get("/ogc/collections/parcels/items?bbox=" + bbox + "&limit=1000&offset=" + offset);
            List<String> ids = JsonPath.read(json, "$.features[*].id");
            List<List<List<List<Number>>>> rings = JsonPath.read(json, "$.features[*].geometry.coordinates");
            for (int i = 0; i < ids.size(); i++) {
                Envelope envelope = new Envelope();
                for (List<Number> point : rings.get(i).get(0)) {
                    envelope.expandToInclude(point.get(0).doubleValue(), point.get(1).doubleValue());
                }
                parcels.put(ids.get(i), envelope);
            }
            if (ids.size() < 1000) {
                return parcels;
            }
        }
    }

    private Set<String> availableIds(String bbox) {
        Set<String> ids = new TreeSet<>();
        for (int offset = 0; ; offset += 1000) {
            List<String> page = JsonPath.read(get("/ogc/collections/parcels/items?status=available&bbox=" + bbox
                    + "&limit=1000&offset=" + offset), "$.features[*].id");
            ids.addAll(page);
            if (page.size() < 1000) {
                return ids;
            }
        }
    }

    private long availableCount(String bbox) {
        return ((Number) JsonPath.read(get("/ogc/collections/parcels/items?status=available&limit=1&bbox=" + bbox),
                "$.numberMatched")).longValue();
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }

}
