package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.qiluvalley.planner.testsupport.RequiresChromium;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The maps of the OGC API's HTML pages (issue F8) in a real headless Chromium, under the service's content security
 * policy (no inline script): the page's module ({@code /js/ogc/map.js}) draws what the page carries and says so in
 * {@code <html data-map-ready>} and the map element's {@code data-drawn}.
 */
@RequiresChromium
class OgcHtmlMapIT extends MapBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anItemPageDrawsItsFeature() {
        JsonNode zone = json("/ogc/collections/zones/items?limit=1").at("/features/0");
        String id = zone.get("id").stringValue();
        openUrl(baseUrl() + "/ogc/collections/zones/items/" + id + "?f=html");

        assertThat(driver.findElement(By.id("map")).getDomAttribute("data-drawn")).isEqualTo("1");
        assertThat(paintedPixels()).as("the feature is painted on the map's canvas").isGreaterThan(1000);
        // What was drawn is the feature of the page: its bounds are those of the JSON's geometry.
        @SuppressWarnings("unchecked")
        List<Number> drawn = (List<Number>) page("""
                const b = hooks.layer.getBounds();
                return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];""");
        double[] expected = bounds(zone.get("geometry"));
        for (int i = 0; i < 4; i++) {
            assertThat(drawn.get(i).doubleValue()).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-7));
        }
        assertThat(driver.findElement(By.cssSelector("tr[data-property='nameZh'] td")).getText())
                .isEqualTo(zone.at("/properties/nameZh").stringValue());
    }

    @Test
    void aCollectionPageDrawsItsExtent() {
        JsonNode bbox = json("/ogc/collections/parcels").at("/extent/spatial/bbox/0");
        openUrl(baseUrl() + "/ogc/collections/parcels?f=html");

        assertThat(driver.findElement(By.id("map")).getDomAttribute("data-drawn")).isEqualTo("1");
        assertThat(paintedPixels()).as("the extent is painted").isGreaterThan(100);
        @SuppressWarnings("unchecked")
        List<Number> drawn = (List<Number>) page("""
                const b = hooks.layer.getBounds();
                return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];""");
        for (int i = 0; i < 4; i++) {
            assertThat(drawn.get(i).doubleValue()).isCloseTo(bbox.get(i).doubleValue(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        // the map shows the whole extent
        assertThat((Boolean) page("return hooks.map.getBounds().contains(hooks.layer.getBounds());")).isTrue();
    }

    @Test
    void anItemsPageDrawsEveryFeatureOfThePageAndAClickOpensOne() {
        JsonNode page = json("/ogc/collections/available-sites/items?limit=20");
        openUrl(baseUrl() + "/ogc/collections/available-sites/items?f=html&limit=20");

        assertThat(driver.findElement(By.id("map")).getDomAttribute("data-drawn"))
                .isEqualTo(Integer.toString(page.get("numberReturned").intValue()));
        assertThat(paintedPixels()).isGreaterThan(1000);
        assertThat(driver.findElements(By.cssSelector("table.ogc-items tbody tr"))).hasSize(20);

        // A click on the first feature's centre opens its page.
        String id = page.at("/features/0/id").stringValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) page("""
                const layer = hooks.layer.getLayers().find((l) => l.feature.id === args[0]);
                const p = hooks.map.latLngToContainerPoint(layer.getCenter());
                const box = hooks.map.getContainer().getBoundingClientRect();
                return { x: p.x, y: p.y, width: box.width, height: box.height };""", id);
        int x = ((Number) point.get("x")).intValue() - ((Number) point.get("width")).intValue() / 2;
        int y = ((Number) point.get("y")).intValue() - ((Number) point.get("height")).intValue() / 2;
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(driver.findElement(By.id("map")), x, y).click().perform();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_TIMEOUT)
                .until(d -> path().endsWith("/items/" + id));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_TIMEOUT)
                .until(d -> "true".equals(flag("mapReady")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(id);
    }

    /** How many pixels (one in four sampled) of the map's canvases are painted. */
    private long paintedPixels() {
        return (Long) js("""
                let count = 0;
                document.querySelectorAll('#map canvas').forEach((canvas) => {
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  for (let i = 3; i < pixels.length; i += 16) if (pixels[i] > 0) count++;
                });
                return count;""");
    }

    private JsonNode json(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** West, south, east, north of a GeoJSON geometry's coordinates. */
    private static double[] bounds(JsonNode geometry) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        collect(geometry.get("coordinates"), b);
        return b;
    }

    private static void collect(JsonNode node, double[] b) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            b[0] = Math.min(b[0], node.get(0).doubleValue());
            b[1] = Math.min(b[1], node.get(1).doubleValue());
            b[2] = Math.max(b[2], node.get(0).doubleValue());
            b[3] = Math.max(b[3], node.get(1).doubleValue());
        } else {
            node.forEach(child -> collect(child, b));
        }
    }
}
