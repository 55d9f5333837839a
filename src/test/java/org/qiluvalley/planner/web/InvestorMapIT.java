package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The investor map (web/index.html, served at /) in a real headless Chromium against the real application.
 *
 * <p>Every expectation is checked against the OGC API as fetched over HTTP by the test itself, so the test
 * holds for whatever gis-data the application was seeded with. Waits are on the page's own readiness flag
 * ({@code <html data-map-ready>}) and on DOM conditions, never on fixed sleeps; the page's live objects are read through
 * its test hooks ({@link MapBrowserTest#page}).
 *
 * <p>Chromium and chromedriver come from Debian ({@code apt-get install chromium chromium-driver
 * fonts-noto-cjk}); the driver path is given explicitly so Selenium Manager never tries to download one.
 */
class InvestorMapIT extends MapBrowserTest {

    private static final double M2_PER_HA = 10_000.0;
    private static final double M2_PER_MU = 10_000.0 / 15;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    // ------------------------------------------------------------------------------------------------
    // Tests
    // ------------------------------------------------------------------------------------------------

    @Test
    void listsAndDrawsEveryAvailableSite() {
        Sites api = availableSites();
        assertFalse(api.all().isEmpty(), "the seeded data should offer at least one available site");

        openMap("");

        assertEquals(api.numberMatched(), rowIds().size(), "one .site-row per available site");
        assertEquals(api.numberMatched(), shownCount(), "#site-count");
        assertEquals(api.ids(), new TreeSet<>(rowIds()), "the list shows exactly the API's available sites");

        long parcels = (Long) page("return hooks.investorMap.layers.parcels.getLayers().length");
        assertTrue(parcels > 0, "the parcels layer has features");
        long highlighted = (Long) page("return hooks.investorMap.layers.sites.getLayers().length");
        assertEquals(api.numberMatched(), highlighted, "every available site is highlighted on the map");

        // The canvas renderer leaves no DOM per parcel, so check that it really painted something.
        long painted = (Long) js("""
                const canvas = document.querySelector('.leaflet-overlay-pane canvas');
                if (!canvas) return 0;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let count = 0;
                for (let i = 3; i < pixels.length; i += 16) if (pixels[i] > 0) count++;
                return count;""");
        assertTrue(painted > 1000, "the parcel canvas has drawn pixels, got " + painted);
    }

    @Test
    void zoneFilterAndAreaFilterInMuNarrowTheList() {
        Sites api = availableSites();
        // The zone with most sites that is not the only one, so that filtering visibly removes rows.
        Map<String, List<Site>> byZone = api.all().stream()
                .collect(Collectors.groupingBy(Site::zone, LinkedHashMap::new, Collectors.toList()));
        List<Site> zoneSites = byZone.values().stream()
                .filter(list -> list.size() < api.all().size())
                .max(Comparator.comparingInt(List::size))
                .orElseThrow(() -> new AssertionError("the test needs available sites in at least two zones"));
        String zone = zoneSites.get(0).zone();

        openMap("");
        new Select(driver.findElement(By.id("filter-zone"))).selectByValue(zone);

        Set<String> inZone = ids(zoneSites);
        awaitRows(inZone);
        assertTrue(inZone.size() < api.numberMatched(), "the zone filter removes rows");
        assertEquals(inZone.size(), shownCount(), "#site-count follows the zone filter");
        for (String id : rowIds()) {
            assertEquals(zone, api.byId().get(id).zone(), "row " + id + " belongs to the chosen zone");
        }

        // A minimum area in mu, placed in the middle of the widest gap between the zone's site areas so that
        // no rounding anywhere can move a site across it.
        double minMu = thresholdBetween(zoneSites.stream().map(s -> s.areaM2() / M2_PER_MU).toList());
        String typed = String.format(Locale.ROOT, "%.3f", minMu);
        Set<String> bigEnough = ids(zoneSites.stream()
                .filter(s -> s.areaM2() >= Double.parseDouble(typed) * M2_PER_MU)
                .toList());
        assertFalse(bigEnough.isEmpty(), "threshold keeps some sites");
        assertTrue(bigEnough.size() < inZone.size(), "threshold removes some sites");

        new Select(driver.findElement(By.id("filter-area-unit"))).selectByValue("mu");
        driver.findElement(By.id("filter-area-min")).sendKeys(typed);
        awaitRows(bigEnough);
        assertEquals(bigEnough.size(), shownCount(), "#site-count follows the area filter");

        // Switching the unit back to ha converts the shown number but must not change the filter.
        new Select(driver.findElement(By.id("filter-area-unit"))).selectByValue("ha");
        double shownHa = Double.parseDouble(driver.findElement(By.id("filter-area-min")).getDomProperty("value"));
        assertEquals(Double.parseDouble(typed) / 15, shownHa, 0.001, "min area converted from mu to ha");
        assertEquals(bigEnough, new TreeSet<>(rowIds()), "the unit switch keeps the same sites");
    }

    @Test
    void clickingARowOpensThePopupWithPlanningConditions() {
        Sites api = availableSites();
        openMap("");

        List<WebElement> rows = rows();
        WebElement row = rows.get(Math.min(2, rows.size() - 1));
        String id = row.getDomAttribute("data-parcel-id");
        row.click();

        WebElement popup = awaitPopup(id);
        String text = popup.getText();
        assertTrue(text.contains(id), "popup names the parcel: " + text);

        double areaM2 = api.byId().get(id).areaM2();
        assertEquals(areaM2 / M2_PER_HA, numberBefore(text, "ha"), 0.006, "area in ha in: " + text);
        assertEquals(areaM2 / M2_PER_MU, numberBefore(text, "mu"), 0.06, "area in mu in: " + text);
        assertEquals(areaM2, numberBefore(text, "m²"), 0.6, "area in m² in: " + text);
        assertTrue(text.contains("FAR") || text.contains("Floor area ratio"), "popup lists the FAR: " + text);

        assertEquals(List.of(id), selectedRowIds(), "the clicked row is highlighted");
    }

    /**
     * A reserved or allocated parcel's popup (the public knows it only as unavailable) says so in both languages
     * and shows its zone and area only: no land-use box, no rows of dashes for conditions it does not have.
     */
    @Test
    void anUnavailableParcelsPopupSaysSoWithItsZoneAndAreaOnly() {
        String json = get("/ogc/collections/parcels/items?status=unavailable&limit=1");
        String id = JsonPath.read(json, "$.features[0].id");
        double areaM2 = ((Number) JsonPath.read(json, "$.features[0].properties.areaM2")).doubleValue();
        String zone = JsonPath.read(json, "$.features[0].properties.zone");

        openMap("parcel=" + id);

        WebElement popup = awaitPopup(id);
        String text = popup.getText();
        assertTrue(text.contains("Not available") && text.contains("不可供地"), "status in both languages: " + text);
        assertTrue(text.contains("not available for investment") && text.contains("该地块暂不可供"),
                "the note in both languages: " + text);
        assertEquals(areaM2, numberBefore(text, "m²"), 0.6, "area in m² in: " + text);
        assertEquals(areaM2 / M2_PER_MU, numberBefore(text, "mu"), 0.06, "area in mu in: " + text);
        String zoneName = JsonPath.read(get("/ogc/collections/zones/items/" + zone), "$.properties.nameEn");
        assertTrue(text.contains(zoneName), "zone " + zoneName + " named in: " + text);
        assertEquals(List.of("Area 面积", "Zone 片区"), popup.findElements(By.cssSelector("table.conditions th"))
                .stream().map(th -> th.getText().replaceAll("\\s+", " ")).toList(), "only area and zone rows");
        assertTrue(!text.contains("unavailable") && !text.contains("—"), "no raw status, no empty rows: " + text);
    }

    /**
     * An available site's popup lists the straight-line distance to each place (airport, station, interchange, service
     * centre), read from the site's public planning-conditions letter when the popup opens: the same places, in the
     * same order, with the letter's kilometres to two decimals; the grown popup is panned into view, its id readable.
     */
    @Test
    void anAvailableSitesPopupListsTheStraightLineDistanceToEachPlace() {
        openMap("");
        List<WebElement> siteRows = rows();
        WebElement siteRow = siteRows.get(Math.min(2, siteRows.size() - 1));
        String id = siteRow.getDomAttribute("data-parcel-id");
        String letter = get("/api/parcels/" + id + "/conditions?f=json");
        List<String> places = JsonPath.read(letter, "$.distances[*].place");
        List<String> namesZh = JsonPath.read(letter, "$.distances[*].nameZh");
        List<Number> kms = JsonPath.read(letter, "$.distances[*].km");
        assertEquals(4, places.size(), "the letter's distances: " + letter);

        siteRow.click();
        WebElement popup = awaitPopup(id);
        List<WebElement> rows = new WebDriverWait(driver, TIMEOUT).until(d -> {
            List<WebElement> found = popup.findElements(By.cssSelector(".distances tr"));
            return found.size() == places.size() && found.get(0).isDisplayed() ? found : null;
        });
        String heading = popup.findElement(By.cssSelector(".distances h4")).getText();
        assertTrue(heading.contains("straight line") && heading.contains("直线距离"), "labelled: " + heading);
        for (int i = 0; i < places.size(); i++) {
            WebElement row = rows.get(i);
            assertEquals(places.get(i), row.getDomAttribute("data-place"), "row " + i);
            assertTrue(row.getText().contains(namesZh.get(i)), "row " + i + " names " + namesZh.get(i) + ": "
                    + row.getText());
            String km = String.format(Locale.ROOT, "%.2f km", kms.get(i).doubleValue());
            assertTrue(row.getText().endsWith(km), "row " + i + " says " + km + ": " + row.getText());
        }
        new WebDriverWait(driver, TIMEOUT).until(d -> popup.findElement(By.cssSelector(".popup-id")).isDisplayed());
        assertEquals(id, popup.findElement(By.cssSelector(".popup-id")).getText(), "the grown popup's id is in view");
    }

    /** A site found by its id, typed in lower case with spaces: the map flies to it and opens its popup. */
    @Test
    void findingASiteByItsIdOpensItsPopupAndAnUnknownIdIsSaidSo() {
        Sites api = availableSites();
        String id = api.all().get(api.all().size() - 1).id();
        String unavailable = JsonPath.read(get("/ogc/collections/parcels/items?status=unavailable&limit=1"),
                "$.features[0].id");
        openMap("");

        findSite("  " + id.toLowerCase(java.util.Locale.ROOT) + " ");
        assertTrue(awaitPopup(id).getText().contains(id));
        new WebDriverWait(driver, TIMEOUT).until(d -> ((Number) page(
                "await hooks.investorMap.idle(); return hooks.investorMap.map.getZoom();")).intValue() >= 15);
        assertFalse(driver.findElement(By.id("find-site-message")).isDisplayed());

        findSite(unavailable);
        assertTrue(awaitPopup(unavailable).getText().contains("该地块暂不可供"), "an unavailable parcel says so");

        findSite("QOV-XX-999");
        WebElement message = new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("find-site-message")));
        assertTrue(message.getText().contains("No parcel QOV-XX-999") && message.getText().contains("未找到地块"),
                message.getText());
    }

    /**
     * The language choice: 中文 alone hides the English (headings, list rows, options) and makes 亩 the area unit; it is
     * remembered after a reload; English alone hides the Chinese; both restores the page as it was.
     */
    @Test
    void theLanguageChoiceIsRememberedAndChineseShowsMuFirst() {
        openMap("");
        // The heading is set in capitals by CSS; its words are what is compared.
        assertEquals("available sites 可用地块", heading());
        try {
            chooseLanguage("zh");
            assertEquals("可用地块", heading());
            assertEquals("mu", new Select(driver.findElement(By.id("filter-area-unit"))).getFirstSelectedOption()
                    .getDomAttribute("value"), "亩 is the unit in Chinese");
            assertEquals("全部片区", new Select(driver.findElement(By.id("filter-zone"))).getFirstSelectedOption()
                    .getText().trim());
            WebElement firstRow = rows().get(0);
            String zone = firstRow.findElement(By.cssSelector(".site-zone")).getText();
            assertFalse(zone.isBlank() || zone.matches(".*[A-Za-z].*"), "the zone in Chinese only: " + zone);
            // Shown first, i.e. above (CSS order; the text stays in document order).
            assertTrue(firstRow.findElement(By.cssSelector(".area-mu")).getRect().getY()
                    < firstRow.findElement(By.cssSelector(".area-ha")).getRect().getY(), "the area in 亩 comes first");

            openMap("");
            assertEquals("zh", js("return document.documentElement.dataset.lang"), "remembered");
            assertEquals("可用地块", heading());

            chooseLanguage("en");
            assertEquals("available sites", heading());
            assertEquals("All zones", new Select(driver.findElement(By.id("filter-zone"))).getFirstSelectedOption()
                    .getText().trim());
            assertEquals("ha", new Select(driver.findElement(By.id("filter-area-unit"))).getFirstSelectedOption()
                    .getDomAttribute("value"));
        } finally {
            chooseLanguage("both");
        }
        assertEquals("available sites 可用地块", heading());
    }

    private String heading() {
        return driver.findElement(By.id("sites-heading")).getText().replaceAll("\\s+", " ").trim()
                .toLowerCase(java.util.Locale.ROOT);
    }

    private void chooseLanguage(String language) {
        new Select(driver.findElement(By.id("language-choice"))).selectByValue(language);
        new WebDriverWait(driver, TIMEOUT).until(d -> language.equals(js("return document.documentElement.dataset.lang")));
    }

    /** The layer box and the legend each fold away and come back, giving the map its corner. */
    @Test
    void theLayerBoxAndTheLegendFoldAway() {
        openMap("");
        WebElement layersBox = driver.findElement(By.cssSelector(".leaflet-control-layers"));
        assertTrue(layersBox.getDomAttribute("class").contains("leaflet-control-layers-expanded"),
                "expanded on a wide screen");
        int expandedWidth = layersBox.getSize().getWidth();
        driver.findElement(By.cssSelector(".leaflet-control-layers .layers-hide")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> !layersBox.getDomAttribute("class")
                .contains("leaflet-control-layers-expanded"));
        assertTrue(layersBox.getSize().getWidth() < expandedWidth / 2, "folded to its icon");
        driver.findElement(By.cssSelector(".leaflet-control-layers-toggle")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> layersBox.getDomAttribute("class")
                .contains("leaflet-control-layers-expanded"));

        WebElement legendBody = driver.findElement(By.cssSelector(".legend .legend-body"));
        WebElement toggle = driver.findElement(By.cssSelector(".legend .legend-toggle"));
        assertTrue(legendBody.isDisplayed());
        assertEquals("true", toggle.getDomAttribute("aria-expanded"));
        toggle.click();
        assertFalse(legendBody.isDisplayed(), "folded to its title");
        assertEquals("false", toggle.getDomAttribute("aria-expanded"));
        toggle.click();
        assertTrue(legendBody.isDisplayed());
    }

    /**
     * The measuring tool: a line and a shape drawn by clicking, measured in EPSG:4548 by the page; the service's own
     * projection (Proj4J, through geo/CrsTransform) of the same points agrees within 0.1%.
     */
    @Test
    void theMeasuringToolAgreesWithEpsg4548() {
        openMap("");
        driver.findElement(By.cssSelector("[data-measure='distance']")).click();
        List<double[]> line = List.of(new double[] {300, 250}, new double[] {520, 330}, new double[] {640, 300});
        clickOnMap(line);
        clickOnMap(List.of(line.get(line.size() - 1)));
        WebElement result = new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("measure-result")));
        double metres = Double.parseDouble(result.getDomAttribute("data-metres"));
        org.locationtech.jts.geom.Coordinate[] lineCoordinates = crs84(line);
        double expectedMetres = org.qiluvalley.planner.geo.CrsTransform.toPlanar(
                org.qiluvalley.planner.geo.CrsTransform.CRS84.createLineString(lineCoordinates)).getLength();
        assertEquals(expectedMetres, metres, expectedMetres * 0.001, "the line's length in metres");
        assertTrue(result.getText().contains(" m") && result.getText().contains("km"), result.getText());

        driver.findElement(By.cssSelector("[data-measure='area']")).click();
        List<double[]> shape = List.of(new double[] {300, 250}, new double[] {560, 260}, new double[] {600, 460},
                new double[] {320, 420});
        clickOnMap(shape);
        clickOnMap(List.of(shape.get(0)));
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("measure-result"))
                .getDomAttribute("data-square-metres") != null);
        double squareMetres = Double.parseDouble(driver.findElement(By.id("measure-result"))
                .getDomAttribute("data-square-metres"));
        org.locationtech.jts.geom.Coordinate[] ring = crs84(List.of(shape.get(0), shape.get(1), shape.get(2),
                shape.get(3), shape.get(0)));
        double expectedM2 = org.qiluvalley.planner.geo.CrsTransform.toPlanar(
                org.qiluvalley.planner.geo.CrsTransform.CRS84.createPolygon(ring)).getArea();
        assertEquals(expectedM2, squareMetres, expectedM2 * 0.001, "the shape's area in m²");
        String text = driver.findElement(By.id("measure-result")).getText();
        assertTrue(text.contains("m²") && text.contains("ha") && text.contains("亩"), text);
        assertEquals("none", driver.findElement(By.id("check-site")).getDomAttribute("data-kind"),
                "a measurement is not a site to check");
    }

    /** Clicks the map at container points (pixels from its top left). */
    private void clickOnMap(List<double[]> points) {
        WebElement map = driver.findElement(By.id("map"));
        double halfWidth = map.getSize().getWidth() / 2.0;
        double halfHeight = map.getSize().getHeight() / 2.0;
        for (double[] p : points) {
            new org.openqa.selenium.interactions.Actions(driver).moveToElement(map,
                    (int) Math.round(p[0] - halfWidth), (int) Math.round(p[1] - halfHeight)).click()
                    .pause(Duration.ofMillis(150)).perform();
        }
    }

    /** Container points as CRS84 coordinates (the map's own conversion, at whole pixels as clicked). */
    @SuppressWarnings("unchecked")
    private org.locationtech.jts.geom.Coordinate[] crs84(List<double[]> points) {
        List<List<Number>> lngLats = (List<List<Number>>) page("""
                const m = hooks.investorMap.map;
                return args[0].map(([x, y]) => { const p = m.containerPointToLatLng([Math.round(x), Math.round(y)]);
                  return [p.lng, p.lat]; });""", points.stream().map(p -> List.of(p[0], p[1])).toList());
        return lngLats.stream().map(p -> new org.locationtech.jts.geom.Coordinate(p.get(0).doubleValue(),
                p.get(1).doubleValue())).toArray(org.locationtech.jts.geom.Coordinate[]::new);
    }

    /** A site page's "Express interest" link (#parcel=ID&inquire=1) opens the map on the site with the inquiry form. */
    @Test
    void aLinkWithInquireOpensTheInquiryFormOfTheSite() {
        String id = availableSites().all().get(0).id();
        openMap("parcel=" + id + "&inquire=1");
        WebElement dialog = new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("inquiry-dialog")));
        assertTrue(dialog.getText().contains(id), "the form names the site: " + dialog.getText());
        assertFalse(driver.getCurrentUrl().contains("inquire"), "the link's one-off request leaves the hash");
    }

    /** A shared link to a site far down the list shows its row inside the list's visible part, selected. */
    @Test
    void aSharedLinksRowIsInViewInTheList() {
        List<Site> sites = availableSites().all();
        String id = sites.get(sites.size() - 3).id();
        openMap("parcel=" + id);
        awaitPopup(id);
        WebElement row = new WebDriverWait(driver, TIMEOUT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#site-list .site-row.selected")));
        assertEquals(id, row.getDomAttribute("data-parcel-id"));
        new WebDriverWait(driver, TIMEOUT).until(d -> {
            org.openqa.selenium.Rectangle list = d.findElement(By.id("site-list")).getRect();
            org.openqa.selenium.Rectangle r = d.findElement(By.cssSelector("#site-list .site-row.selected")).getRect();
            return r.getY() >= list.getY() - 1 && r.getY() + r.getHeight() <= list.getY() + list.getHeight() + 1;
        });
    }

    private void findSite(String text) {
        WebElement input = driver.findElement(By.id("find-site-id"));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    /** The page names its icon, and the icon is served (an SVG: sharp on any screen, no internet needed). */
    @Test
    void thePageHasAnIconAndItIsServed() throws IOException, InterruptedException {
        openMap("");
        String href = (String) js("return document.querySelector('link[rel=icon]').href");
        assertEquals(baseUrl() + "/favicon.svg", href);
        HttpResponse<String> icon = http.send(HttpRequest.newBuilder(URI.create(href)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, icon.statusCode());
        assertTrue(icon.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"),
                "served as SVG: " + icon.headers().map());
        assertTrue(icon.body().startsWith("<svg"), "an SVG document");
    }

    @Test
    void urlHashSharesTheViewAndRestoresTheSelectedParcel() {
        Sites api = availableSites();
        Site site = api.all().get(api.all().size() / 2);

        openMap("");
        new Select(driver.findElement(By.id("filter-zone"))).selectByValue(site.zone());
        awaitRows(ids(api.all().stream().filter(s -> s.zone().equals(site.zone())).toList()));
        driver.findElement(By.cssSelector(".site-row[data-parcel-id='" + site.id() + "']")).click();
        awaitPopup(site.id());

        new WebDriverWait(driver, TIMEOUT).until(d -> site.id().equals(hash(d.getCurrentUrl()).get("parcel")));
        String sharedUrl = driver.getCurrentUrl();
        Map<String, String> shared = hash(sharedUrl);
        assertEquals(site.zone(), shared.get("zone"), "the hash carries the zone filter: " + sharedUrl);
        double[] sharedView = view(shared.get("map"), sharedUrl);

        // A fresh page load from the shared link, as a second investor opening it would do.
        openUrl(sharedUrl);

        assertEquals(site.zone(), new Select(driver.findElement(By.id("filter-zone"))).getFirstSelectedOption()
                .getDomAttribute("value"), "zone filter restored");
        awaitPopup(site.id());
        assertEquals(List.of(site.id()), selectedRowIds(), "selected row restored");

        @SuppressWarnings("unchecked")
        List<Number> restored = (List<Number>) page("""
                const m = hooks.investorMap.map, c = m.getCenter();
                return [m.getZoom(), c.lat, c.lng];""");
        assertEquals(sharedView[0], restored.get(0).doubleValue(), 1e-9, "zoom restored");
        assertEquals(sharedView[1], restored.get(1).doubleValue(), 1e-4, "centre latitude restored");
        assertEquals(sharedView[2], restored.get(2).doubleValue(), 1e-4, "centre longitude restored");
    }

    // ------------------------------------------------------------------------------------------------
    // Page helpers
    // ------------------------------------------------------------------------------------------------

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#site-list .site-row"));
    }

    /** The data-parcel-id of the rows matching a selector, read in one round trip to the browser. */
    @SuppressWarnings("unchecked")
    private List<String> parcelIds(String cssSelector) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.dataset.parcelId);",
                cssSelector);
    }

    private List<String> rowIds() {
        return parcelIds("#site-list .site-row");
    }

    private List<String> selectedRowIds() {
        return parcelIds("#site-list .site-row.selected");
    }

    private void awaitRows(Set<String> expected) {
        try {
            new WebDriverWait(driver, TIMEOUT).until(d -> expected.equals(new TreeSet<>(rowIds())));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected rows " + expected + " but the list shows " + new TreeSet<>(rowIds()));
        }
    }

    private WebElement awaitPopup(String id) {
        WebElement popup = new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup .site-popup")));
        assertEquals(id, popup.getDomAttribute("data-parcel-id"), "popup of the selected parcel");
        return popup;
    }

    /** The leading number of #site-count, e.g. 12 from "12 sites · 12 块 (of 137 …)". */
    private int shownCount() {
        String text = driver.findElement(By.id("site-count")).getText();
        Matcher m = Pattern.compile("^\\s*(\\d+)").matcher(text);
        assertTrue(m.find(), "#site-count starts with a number: " + text);
        return Integer.parseInt(m.group(1));
    }

    /** The number printed just before a unit, e.g. 1.77 from "1.77 ha"; thousands separators allowed. */
    private static double numberBefore(String text, String unit) {
        Matcher m = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s*" + Pattern.quote(unit) + "(?![\\p{L}])").matcher(text);
        assertTrue(m.find(), "no number in " + unit + " in: " + text);
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    /** The key=value pairs of a URL's hash. */
    private static Map<String, String> hash(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        int at = url.indexOf('#');
        if (at < 0) {
            return values;
        }
        for (String pair : url.substring(at + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** zoom/lat/lon from the hash's map entry. */
    private static double[] view(String map, String url) {
        assertTrue(map != null && map.matches("[\\d.]+/-?[\\d.]+/-?[\\d.]+"), "the hash carries zoom/lat/lon: " + url);
        String[] parts = map.split("/");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    /** The middle of the widest gap between consecutive distinct values, not counting the ends. */
    private static double thresholdBetween(List<Double> values) {
        List<Double> sorted = values.stream().distinct().sorted().toList();
        assertTrue(sorted.size() >= 2, "the test needs sites of at least two different areas");
        int best = 1;
        for (int i = 2; i < sorted.size(); i++) {
            if (sorted.get(i) - sorted.get(i - 1) > sorted.get(best) - sorted.get(best - 1)) {
                best = i;
            }
        }
        return (sorted.get(best - 1) + sorted.get(best)) / 2;
    }

    // ------------------------------------------------------------------------------------------------
    // The API, as the page sees it
    // ------------------------------------------------------------------------------------------------

    record Site(String id, String zone, double areaM2) {}

    record Sites(int numberMatched, List<Site> all) {
        Map<String, Site> byId() {
            return all.stream().collect(Collectors.toMap(Site::id, Function.identity()));
        }

        Set<String> ids() {
            return InvestorMapIT.ids(all);
        }
    }

    private static Set<String> ids(List<Site> sites) {
        return sites.stream().map(Site::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** All available sites, paged as the OGC API requires (at most 1000 per request). */
    private Sites availableSites() {
        List<Site> sites = new ArrayList<>();
        int numberMatched = -1;
        for (int offset = 0; ; offset += 1000) {
            String json = get("/ogc/collections/available-sites/items?limit=1000&offset=" + offset);
            numberMatched = ((Number) JsonPath.read(json, "$.numberMatched")).intValue();
            List<Map<String, Object>> features = JsonPath.read(json, "$.features");
            for (Map<String, Object> feature : features) {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) feature.get("properties");
                sites.add(new Site(String.valueOf(feature.get("id")), (String) properties.get("zone"),
                        ((Number) properties.get("areaM2")).doubleValue()));
            }
            List<String> next = JsonPath.read(json, "$.links[?(@.rel == 'next')].href");
            if (next.isEmpty() || features.isEmpty()) {
                break;
            }
        }
        assertEquals(numberMatched, sites.size(), "numberMatched agrees with the features returned");
        return new Sites(numberMatched, sites);
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(TIMEOUT).GET().build(),
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
