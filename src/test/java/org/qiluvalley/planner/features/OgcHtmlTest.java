package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.features.OgcHtmlIT.Page;
import org.qiluvalley.planner.rules.LandUseCode;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The renderer of the OGC API's HTML pages on its own, with hostile data: every value from the data or the request
 * comes out as text, never as markup, in element content, in attributes and in the map's data block.
 */
class OgcHtmlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "http://planning.example.cn/ogc";
    /** A script element, both quotes, an ampersand, a comment opener and a control character. */
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'Co' <!-- \u0001";

    private final OgcHtml html = new OgcHtml(BASE, Map.of("100101", new LandUseCode("100101", "Class-1 industrial",
            "一类工业用地")));

    private static final FeatureCollections.Collection<?> PARCELS = new FeatureCollections().find("parcels").orElseThrow();

    private static byte[] feature(String id, String property) {
        ObjectNode feature = JSON.createObjectNode().put("type", "Feature").put("id", id);
        feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(117.2).add(36.74);
        ObjectNode properties = feature.putObject("properties");
        properties.put("zone", "laser-industry").put("landUse", "100101").put("status", "available")
                .put("areaM2", 12345.678).put("note", property).put("allocatable", true).putNull("farMax");
        tools.jackson.databind.node.ArrayNode links = feature.putArray("links");
        links.addObject().put("href", BASE + "/collections/parcels/items/x").put("rel", "self")
                .put("type", OgcApi.GEO_JSON).put("title", "This feature");
        links.addObject().put("href", BASE + "/collections/parcels").put("rel", "collection")
                .put("type", OgcApi.JSON).put("title", property);
        return JSON.writeValueAsBytes(feature);
    }

    @Test
    void aHostilePropertyIsTextInTheTableAndJsonInTheDataBlock() {
        String page = html.item(PARCELS, feature("QOV-1", HOSTILE), null);
        Page parsed = Page.parse(page);

        String shown = HOSTILE.replace('\u0001', '\ufffd');
        assertThat(parsed.text("//tr[@data-property='note']/td")).isEqualTo(shown.replaceAll("\\s+", " "));
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<!--")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39; &lt;!--");
        // a link title from the data, in the links section
        assertThat(parsed.texts("//section[@class='ogc-links']//a")).anyMatch(t -> t.startsWith("<script>alert"));

        String block = parsed.text("//script[@id='features'][@type='application/geo+json']");
        assertThat(block).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonNode data = JSON.readTree(block);
        assertThat(data.at("/properties/note").stringValue()).isEqualTo(HOSTILE);
    }

    @Test
    void aHostileFeatureIdIsEscapedInAttributesAndEncodedInLinks() {
        String id = "A\"<b>&'x";
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        ObjectNode page = JSON.createObjectNode().put("type", "FeatureCollection");
        page.putArray("features").add(JSON.readTree(feature(id, "plain")));
        page.put("numberMatched", 1).put("numberReturned", 1);
        page.putArray("links");
        String items = html.items(PARCELS, JSON.writeValueAsBytes(page), query, null);
        Page parsed = Page.parse(items);

        assertThat(parsed.text("//tbody/tr/@data-feature-id")).isEqualTo(id);
        assertThat(parsed.text("//tbody/tr/th/a")).isEqualTo(id);
        assertThat(parsed.href("//tbody/tr/th/a")).isEqualTo(BASE + "/collections/parcels/items/A%22%3Cb%3E&'x?f=html");
        assertThat(items).contains("data-feature-id=\"A&quot;&lt;b&gt;&amp;&#39;x\"").doesNotContain("<b>");
    }

    @Test
    void aHostileRequestParameterIsTextOnThePage() {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add(HOSTILE, HOSTILE);
        ObjectNode page = JSON.createObjectNode().put("type", "FeatureCollection");
        page.putArray("features");
        page.put("numberMatched", 0).put("numberReturned", 0);
        page.putArray("links").addObject().put("href", BASE + "/collections/parcels/items?zone=%3C&limit=1&offset=0")
                .put("rel", "self").put("type", OgcApi.GEO_JSON).put("title", "This page");
        String items = html.items(PARCELS, JSON.writeValueAsBytes(page), query, null);
        Page parsed = Page.parse(items);
        String shown = HOSTILE.replace('\u0001', '\ufffd').replaceAll("\\s+", " ");
        assertThat(parsed.texts("//dl[@class='ogc-query']/dt")).containsExactly(shown);
        assertThat(parsed.texts("//dl[@class='ogc-query']/dd")).containsExactly(shown);
        assertThat(items).doesNotContain("<script>alert").doesNotContain("<!--");
        assertThat(items).contains("href=\"" + BASE + "/collections/parcels/items?zone=%3C&amp;limit=1&amp;offset=0&amp;f=json\"");
    }

    @Test
    void anErrorPageEscapesTheProblemsDetail() {
        String page = html.error(400, "Invalid request", "unknown query parameter \"" + HOSTILE + "\"");
        Page parsed = Page.parse(page);
        assertThat(parsed.text("//h1")).isEqualTo("400 Invalid request 请求无效");
        assertThat(page).doesNotContain("<script>alert");
        assertThat(parsed.all("//script")).as("an error page runs nothing").isEmpty();
    }

    @Test
    void everyPageIsPolyglotHtml5WithLanguageTitleAndBreadcrumbs() {
        FeaturesController.LandingPage landing = new FeaturesController.LandingPage("Title <1>", "Description & more",
                List.of(new FeatureJsonWriter.Link(BASE, OgcApi.REL_SELF, OgcApi.JSON, "This document")));
        for (String page : List.of(html.landing(landing), html.item(PARCELS, feature("QOV-1", "x"), null),
                html.conformance(new FeaturesController.Conformance(List.of(OgcApi.CONF_CORE))),
                html.error(404, "Not Found", null))) {
            Page parsed = Page.parse(page);
            assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
            assertThat(parsed.text("/html/head/meta/@charset")).isEqualTo("utf-8");
            assertThat(parsed.text("/html/head/title")).isNotBlank();
            assertThat(parsed.all("//nav[@class='ogc-breadcrumbs']/ol/li")).isNotEmpty();
            assertThat(parsed.texts("//*[@lang='zh']")).isNotEmpty();
        }
    }

    @Test
    void onlyCrs84IsMappedOtherCoordinatesAreNot() {
        String crs84 = html.item(PARCELS, feature("QOV-1", "x"), "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        assertThat(Page.parse(crs84).all("//div[@id='map']")).hasSize(1);
        assertThat(Page.parse(crs84).all("//script[@id='features']")).hasSize(1);

        String planar = html.item(PARCELS, feature("QOV-1", "x"), "<http://www.opengis.net/def/crs/EPSG/0/4548>");
        Page parsed = Page.parse(planar);
        assertThat(parsed.all("//div[@id='map']")).isEmpty();
        assertThat(parsed.all("//script")).as("no map, no script").isEmpty();
        assertThat(parsed.text("//p[@class='ogc-no-map']/code")).isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/4548>");
    }

    @Test
    void aCollectionPageShowsEveryMemberOfItsJson() {
        ObjectNode collection = JSON.createObjectNode().put("id", "zones").put("title", "Zones <b>")
                .put("description", "d & d");
        collection.putObject("extent").putObject("spatial").putArray("bbox").addArray().add(117.1).add(36.7).add(117.3)
                .add(36.8);
        collection.put("itemType", "feature");
        collection.putArray("crs").add("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        collection.put("storageCrs", "http://www.opengis.net/def/crs/EPSG/0/4548");
        collection.put("somethingNew", "<new>");
        collection.putArray("links");
        Page page = Page.parse(html.collection(collection, List.of("category")));
        assertThat(page.text("//h1")).isEqualTo("Zones <b>");
        assertThat(page.texts("//dl[@class='ogc-facts']/dd")).contains("zones", "feature",
                "http://www.opengis.net/def/crs/EPSG/0/4548", "<new>", "category",
                "lon 117.1 to 117.3, lat 36.7 to 36.8");
        assertThat(page.text("//div[@id='map']/@data-bbox")).isEqualTo("117.1,36.7,117.3,36.8");
    }

    @Test
    void theScriptDataOfJsonMeansTheSameJson() {
        String json = "{\"a\":\"</script><!--&\\u2028\",\"b\":[1,2.5,true,null]}";
        String data = OgcHtml.scriptData(json.getBytes(StandardCharsets.UTF_8));
        assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(JSON.readTree(data)).isEqualTo(JSON.readTree(json));
    }

    @Test
    void formatsAreSetOnLinksThatAlreadyHaveAQuery() {
        assertThat(OgcHtml.withFormat(BASE + "/collections/parcels/items?bbox=1,2,3,4&limit=10", "html"))
                .isEqualTo(BASE + "/collections/parcels/items?bbox=1,2,3,4&limit=10&f=html");
        assertThat(OgcHtml.withFormat(BASE + "?f=json", "html")).isEqualTo(BASE + "?f=html");
        assertThat(OgcHtml.withFormat(BASE + "/collections/parcels/items?zone=%3Cx%3E%20%26", "json"))
                .isEqualTo(BASE + "/collections/parcels/items?zone=%3Cx%3E%20%26&f=json");
    }
}
