package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

/**
 * Price and readiness (F11) in the browser: the investor map's "maximum price per mu" and "fully ready only" filters
 * list exactly the available sites the API says match, a shared link keeps them, the popup fragment of
 * {@code js/investor/offer.js} shows a site's price and readiness, and a planner edits both in the parcel form.
 * Expectations come from the OGC API as the test reads it over HTTP, never from the page.
 */
class PriceAndReadinessIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PLANNER = "planner-qian";

    /** An available site as the API serves it: its price per mu (null without one) and readiness. */
    record Site(String id, Double pricePerMu, Boolean fullyReady) {
    }

    private List<Site> availableSites() {
        JsonNode page = new ServiceClient(baseUrl()).get("/ogc/collections/available-sites/items?limit=1000").json();
        assertTrue(page.get("numberMatched").intValue() <= 1000, "one page holds every site");
        List<Site> sites = new ArrayList<>();
        for (JsonNode f : page.get("features")) {
            JsonNode p = f.get("properties");
            sites.add(new Site(f.get("id").stringValue(),
                    p.path("pricePerMuWanYuan").isNumber() ? p.get("pricePerMuWanYuan").doubleValue() : null,
                    p.path("fullyReady").isBoolean() ? p.get("fullyReady").booleanValue() : null));
        }
        return sites;
    }

    private static Set<String> ids(List<Site> sites, Predicate<Site> which) {
        return sites.stream().filter(which).map(Site::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The middle of the widest gap between the distinct prices, so that no rounding moves a site across it. */
    private static double priceBetween(List<Site> sites) {
        List<Double> prices = sites.stream().map(Site::pricePerMu).filter(p -> p != null).distinct().sorted().toList();
        assertTrue(prices.size() >= 4, "the seed gives the sites several prices");
        int best = prices.size() / 4 + 1;
        for (int i = best; i < prices.size() * 3 / 4; i++) {
            if (prices.get(i) - prices.get(i - 1) > prices.get(best) - prices.get(best - 1)) {
                best = i;
            }
        }
        return (prices.get(best - 1) + prices.get(best)) / 2;
    }

    @Test
    void maximumPricePerMuAndFullyReadyListExactlyTheMatchingSitesAndALinkKeepsThem() {
        List<Site> sites = availableSites();
        String typed = String.format(Locale.ROOT, "%.3f", priceBetween(sites));
        double max = Double.parseDouble(typed);
        Set<String> cheap = ids(sites, s -> s.pricePerMu() != null && s.pricePerMu() <= max);
        Set<String> cheapAndReady = ids(sites, s -> s.pricePerMu() != null && s.pricePerMu() <= max
                && Boolean.TRUE.equals(s.fullyReady()));
        assertFalse(cheapAndReady.isEmpty(), "some cheap sites are fully ready");
        assertTrue(cheapAndReady.size() < cheap.size() && cheap.size() < sites.size(), "each filter removes sites");

        openMap("");
        assertEquals(sites.size(), rowIds().size(), "every available site is listed first");
        driver.findElement(By.id("filter-price-max")).sendKeys(typed);
        awaitRows(cheap);
        assertEquals(cheap.size(), shownCount(), "#site-count follows the price filter");
        driver.findElement(By.id("filter-ready")).click();
        awaitRows(cheapAndReady);
        assertEquals(cheapAndReady.size(), shownCount(), "#site-count follows the readiness filter");
        assertEquals(cheapAndReady.size(), ((Number) page("return hooks.investorMap.layers.sites.getLayers().length"))
                .intValue(), "the map highlights the same sites");

        // The link carries both filters; a fresh page from it shows them and the same rows.
        new WebDriverWait(driver, TIMEOUT).until(d -> "1".equals(hash().get("ready")));
        String shared = driver.getCurrentUrl();
        assertEquals(max, Double.parseDouble(hash().get("price")), 1e-9, "the hash carries the price: " + shared);
        openUrl(shared);
        assertEquals(max, Double.parseDouble(driver.findElement(By.id("filter-price-max")).getDomProperty("value")),
                1e-9, "the price restored");
        assertTrue(driver.findElement(By.id("filter-ready")).isSelected(), "fully ready restored");
        awaitRows(cheapAndReady);

        // Fully ready alone, then nothing: the reset clears both.
        WebElement price = driver.findElement(By.id("filter-price-max"));
        price.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        awaitRows(ids(sites, s -> Boolean.TRUE.equals(s.fullyReady())));
        driver.findElement(By.id("filter-reset")).click();
        awaitRows(ids(sites, s -> true));
        assertFalse(driver.findElement(By.id("filter-ready")).isSelected());
        assertFalse(hash().containsKey("price") || hash().containsKey("ready"), "the hash forgets them: " + hash());
    }

    @Test
    void thePopupFragmentShowsPriceAndReadinessOfASiteAndNothingForAnUnavailableParcel() {
        ServiceClient client = new ServiceClient(baseUrl());
        Site site = availableSites().stream().filter(s -> Boolean.FALSE.equals(s.fullyReady())).findFirst()
                .orElseThrow();
        JsonNode properties = client.get("/ogc/collections/available-sites/items/" + site.id()).json()
                .get("properties");
        String unavailable = client.get("/ogc/collections/parcels/items?status=unavailable&limit=1").json()
                .at("/features/0/id").stringValue();
        openMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) page("""
                const { offerHtml } = await import('/js/investor/offer.js');
                const read = async (id) => (await (await fetch('/ogc/collections/parcels/items/' + id)).json()).properties;
                const div = document.createElement('div');
                div.innerHTML = offerHtml(await read(args[0]));
                document.body.appendChild(div);
                const items = [...div.querySelectorAll('.readiness li')];
                const result = { text: div.textContent.replace(/\\s+/g, ' '),
                    ready: items.map((li) => li.dataset.item + '=' + li.dataset.ready),
                    unavailable: offerHtml(await read(args[1])) };
                div.remove();
                return result;""", site.id(), unavailable);
        String text = (String) shown.get("text");
        assertTrue(text.contains(String.format(Locale.US, "%,.2f 万元/亩", properties.get("pricePerMuWanYuan")
                .doubleValue()).replaceAll("\\.?0+ ", " ")), "price per mu in: " + text);
        assertTrue(text.contains("Reserve price") && text.contains("起始价") && text.contains("竞买保证金"), text);
        int ready = 0;
        List<String> expected = new ArrayList<>();
        for (String item : List.of("road", "waterSupply", "drainage", "power", "telecom", "gas", "heating",
                "siteLevelling")) {
            boolean isReady = properties.at("/readiness/" + item + "/ready").booleanValue();
            ready += isReady ? 1 : 0;
            expected.add(item + "=" + isReady);
        }
        assertEquals(expected, shown.get("ready"), "one line per item, ready or not, in the API's order");
        assertTrue(text.contains(ready + " of 8 ready"), "the count of ready items in: " + text);
        assertEquals("", shown.get("unavailable"), "an unavailable parcel has no price or readiness to show");
    }

    @Test
    void aPlannerSetsThePriceAndReadinessInTheParcelForm() {
        ServiceClient anonymous = new ServiceClient(baseUrl());
        anonymous.ensureUser("planner", PLANNER);
        ServiceClient planner = anonymous.as(PLANNER, ServiceClient.USER_PASSWORD);
        List<Site> sites = availableSites();
        String id = sites.get(sites.size() - 2).id();
        JsonNode before = planner.get("/ogc/collections/parcels/items/" + id).json().get("properties");

        forgetSession();
        signIn(PLANNER, ServiceClient.USER_PASSWORD);
        driver.get(baseUrl() + "/planner.html?animate=0");
        waitForWorkspace(PAGE_TIMEOUT);
        waitForOperation("load", () -> driver.findElement(By.id("find-parcel-id")).sendKeys(id, Keys.ENTER), TIMEOUT);
        assertEquals(before.get("reservePriceWanYuan").doubleValue(),
                Double.parseDouble(driver.findElement(By.id("edit-reserve-price")).getDomProperty("value")),
                "the stored price is shown");
        assertTrue(driver.findElement(By.id("edit-readiness-recorded")).isSelected(), "readiness is recorded");
        assertEquals(before.at("/readiness/gas/ready").booleanValue(),
                driver.findElement(By.id("edit-ready-gas")).isSelected(), "gas as stored");

        type("edit-reserve-price", "2468");
        type("edit-deposit", "500");
        WebElement gas = driver.findElement(By.id("edit-ready-gas"));
        if (!gas.isSelected()) {
            gas.click();
        }
        WebElement heating = driver.findElement(By.id("edit-ready-heating"));
        if (heating.isSelected()) {
            heating.click();
        }
        type("edit-capacity-power", "10 kV, 2 x 800 kVA");
        Map<String, Object> saved = waitForOperation("save", () -> driver.findElement(By.id("edit-save")).click(),
                TIMEOUT);
        assertEquals(Boolean.TRUE, saved.get("ok"), "saved: " + saved);

        JsonNode after = planner.get("/ogc/collections/parcels/items/" + id).json().get("properties");
        assertEquals(2468.0, after.get("reservePriceWanYuan").doubleValue());
        assertEquals(500.0, after.get("depositWanYuan").doubleValue());
        double areaMu = after.get("areaM2").doubleValue() / (10_000.0 / 15);
        assertEquals(2468 / areaMu, after.get("pricePerMuWanYuan").doubleValue(), 0.0051);
        assertTrue(after.at("/readiness/gas/ready").booleanValue());
        assertFalse(after.at("/readiness/heating/ready").booleanValue());
        assertFalse(after.get("fullyReady").booleanValue());
        assertEquals("10 kV, 2 x 800 kVA", after.at("/readiness/power/capacity").stringValue());
        assertEquals(before.at("/readiness/drainage"), after.at("/readiness/drainage"), "untouched items stay");
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("edit-price-per-mu")).getText()
                .contains(String.format(Locale.US, "%,.2f", after.get("pricePerMuWanYuan").doubleValue())
                        .replaceAll("\\.?0+$", "")));

        // Unticking "Record readiness" removes it; an empty price removes the price.
        type("edit-reserve-price", "");
        type("edit-deposit", "");
        driver.findElement(By.id("edit-readiness-recorded")).click();
        Map<String, Object> cleared = waitForOperation("save", () -> driver.findElement(By.id("edit-save")).click(),
                TIMEOUT);
        assertEquals(Boolean.TRUE, cleared.get("ok"), "saved: " + cleared);
        JsonNode none = planner.get("/ogc/collections/parcels/items/" + id).json().get("properties");
        for (String member : List.of("reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan", "readiness",
                "fullyReady")) {
            assertFalse(none.has(member), member + " removed: " + none);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Page helpers (as InvestorMapIT's)
    // ------------------------------------------------------------------------------------------------

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) js("return [...document.querySelectorAll('#site-list .site-row')]"
                + ".map(e => e.dataset.parcelId);");
    }

    private void awaitRows(Set<String> expected) {
        try {
            new WebDriverWait(driver, TIMEOUT).until(d -> expected.equals(new TreeSet<>(rowIds())));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected rows " + expected + " but the list shows " + new TreeSet<>(rowIds()));
        }
    }

    private int shownCount() {
        String text = driver.findElement(By.id("site-count")).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(\\d+)").matcher(text);
        assertTrue(m.find(), "#site-count starts with a number: " + text);
        return Integer.parseInt(m.group(1));
    }

    /** The key=value pairs of the URL hash of the page on screen, as the page itself reads them. */
    @SuppressWarnings("unchecked")
    private Map<String, String> hash() {
        return (Map<String, String>) js("return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));");
    }
}
