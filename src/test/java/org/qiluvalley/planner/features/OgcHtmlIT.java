package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML encoding of the OGC API (issue F8), end to end: the real application on a fresh embedded database seeded
 * from gis-data, over HTTP. Every page is parsed as XML (the pages are polyglot HTML5), so each test also checks
 * that its page is well-formed; what a page shows is compared with the JSON answer to the same request.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OgcHtmlIT {

    static final String HTML_TYPE = "text/html;charset=UTF-8";
    /** What Chromium sends when it navigates to a page. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    /** A value no page may show as markup: a script element, both quotes and an ampersand. */
    static final String HOSTILE = "<script>alert(\"x\")</script> & 'Laser' Co.";
    static final String HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Laser&#39; Co.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-html-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    ServiceClient client;

    @BeforeEach
    void client() {
        client = new ServiceClient("http://localhost:" + port);
    }

    String ogc() {
        return client.base() + "/ogc";
    }

    // ---- Which answer for which request -----------------------------------------------------------------------

    @Test
    void fEqualsHtmlAndBrowsersGetTheLandingPageAsHtml() {
        Page asked = html("/ogc?f=html");
        Page browsed = html(get(client, "/ogc", BROWSER_ACCEPT));
        for (Page page : List.of(asked, browsed)) {
            assertThat(page.text("/html/@lang")).isEqualTo("en");
            assertThat(page.text("/html/head/title")).contains("Qilu Optics Valley");
            assertThat(page.text("//h1")).isEqualTo(client.get("/ogc").json().get("title").stringValue());
            assertThat(page.all("//nav[@class='ogc-breadcrumbs']//li")).hasSize(1);
            assertThat(page.rels()).contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");
            assertThat(page.href("//head/link[@rel='alternate'][@type='application/json']")).isEqualTo(ogc() + "?f=json");
            assertThat(page.href("//a[@rel='data'][@type='text/html']")).isEqualTo(ogc() + "/collections?f=html");
            assertThat(page.href("//a[@rel='conformance'][@type='text/html']")).isEqualTo(ogc() + "/conformance?f=html");
            assertThat(page.href("//a[@rel='service-doc'][@type='text/html']")).isEqualTo(ogc() + "/api?f=html");
            assertThat(page.href("//a[@rel='service-desc']")).isEqualTo(ogc() + "/api?f=json");
            assertThat(page.href("//a[@rel='self']")).isEqualTo(ogc() + "?f=html");
        }
        // f wins over Accept
        assertThat(get(client, "/ogc?f=html", "application/json").contentType()).isEqualTo(HTML_TYPE);
    }

    @Test
    void everyOtherClientStillGetsJson() {
        for (String accept : new String[] {null, "*/*", "application/json", "application/json, text/html;q=0.5"}) {
            ServiceClient.Reply reply = get(client, "/ogc", accept);
            assertThat(reply.status()).as(accept).isEqualTo(200);
            assertThat(reply.contentType()).as(accept).startsWith("application/json");
            assertThat(reply.json().get("links")).as(accept).isNotEmpty();
        }
        // The alternate link of a page, followed by a browser, is the JSON.
        ServiceClient.Reply json = get(client, "/ogc/collections?f=json", BROWSER_ACCEPT);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().get("collections")).hasSameSizeAs(client.get("/ogc/collections").json().get("collections"));
        ServiceClient.Reply geoJson = get(client.asAdmin(), "/ogc/collections/zones/items?f=json", BROWSER_ACCEPT);
        assertThat(geoJson.contentType()).startsWith("application/geo+json");
    }

    // ---- The resources ----------------------------------------------------------------------------------------

    @Test
    void conformancePageListsWhatTheJsonDeclares() {
        Page page = html("/ogc/conformance?f=html");
        List<String> declared = new ArrayList<>();
        client.get("/ogc/conformance").json().get("conformsTo").forEach(c -> declared.add(c.stringValue()));
        assertThat(page.texts("//ul[@class='ogc-conformance']/li/a/code")).containsExactlyElementsOf(declared);
        assertThat(page.href("//a[@rel='alternate']")).isEqualTo(ogc() + "/conformance?f=json");
    }

    @Test
    void theHtmlConformanceClassIsDeclared() {
        assertThat(html("/ogc/conformance?f=html").texts("//ul[@class='ogc-conformance']/li/a/code"))
                .contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
    }

    @Test
    void apiPageListsTheOperations() {
        Page page = html("/ogc/api?f=html");
        List<String> operations = new ArrayList<>();
        JsonNode paths = client.get("/ogc/api").json().get("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }
        }
        List<String> methods = page.texts("//table[contains(@class,'ogc-operations')]/tbody/tr/td[1]");
        List<String> shown = page.texts("//table[contains(@class,'ogc-operations')]/tbody/tr/td[2]");
        assertThat(java.util.stream.IntStream.range(0, shown.size()).mapToObj(i -> methods.get(i) + " " + shown.get(i))
                .toList()).containsExactlyElementsOf(operations);
        assertThat(operations).contains("GET /", "GET /conformance", "GET /collections");
        assertThat(page.href("//tr[td[2]='/collections']//a")).isEqualTo(ogc() + "/collections?f=html");
        assertThat(page.href("//a[@rel='service-desc']")).isEqualTo(ogc() + "/api?f=json");
    }

    @Test
    void collectionsPageLinksEachCollectionAndItsItems() {
        Page page = html("/ogc/collections?f=html");
        JsonNode json = client.get("/ogc/collections").json();
        List<String> ids = new ArrayList<>();
        for (JsonNode collection : json.get("collections")) {
            String id = collection.get("id").stringValue();
            ids.add(id);
            String row = "//tr[@data-collection='" + id + "']";
            assertThat(page.href(row + "//a[@rel='item'][@type='text/html']"))
                    .isEqualTo(ogc() + "/collections/" + id + "?f=html");
            assertThat(page.text(row + "//a[@rel='item'][@type='text/html']"))
                    .isEqualTo(collection.get("title").stringValue());
            assertThat(page.href(row + "//a[@rel='item'][@type='application/json']"))
                    .isEqualTo(ogc() + "/collections/" + id + "?f=json");
            assertThat(page.href(row + "//a[@rel='items'][@type='text/html']"))
                    .isEqualTo(ogc() + "/collections/" + id + "/items?f=html");
            assertThat(page.href(row + "//a[@rel='items'][@type='application/geo+json']"))
                    .isEqualTo(ogc() + "/collections/" + id + "/items?f=json");
            assertThat(page.text(row + "/td[1]")).isEqualTo(collection.get("description").stringValue());
        }
        assertThat(page.texts("//tbody/tr/@data-collection")).containsExactlyElementsOf(ids);
        assertThat(page.texts("//nav[@class='ogc-breadcrumbs']//li")).hasSize(2);
    }

    @Test
    void collectionPageShowsItsExtentOnAMap() {
        Page page = html("/ogc/collections/zones?f=html");
        JsonNode json = client.get("/ogc/collections/zones").json();
        assertThat(page.text("//h1")).isEqualTo(json.get("title").stringValue());
        List<Double> bbox = new ArrayList<>();
        json.at("/extent/spatial/bbox/0").forEach(n -> bbox.add(n.doubleValue()));
        List<Double> shown = new ArrayList<>();
        for (String n : page.text("//div[@id='map']/@data-bbox").split(",")) {
            shown.add(Double.parseDouble(n));
        }
        assertThat(shown).containsExactlyElementsOf(bbox);
        assertThat(page.text("//div[@id='map']/@data-collection")).isEqualTo("zones");
        assertThat(page.texts("//head/script/@src")).containsExactly("/webjars/leaflet/dist/leaflet.js",
                "/webjars/leaflet-draw/dist/leaflet.draw.js", "/js/ogc/map.js");
        assertThat(page.text("//head/script[@src='/js/ogc/map.js']/@type")).isEqualTo("module");
        assertThat(page.texts("//head/link[@rel='stylesheet']/@href")).contains("/webjars/leaflet/dist/leaflet.css",
                "/css/ogc.css");
        assertThat(page.href("//a[@rel='items'][@type='text/html']")).isEqualTo(ogc() + "/collections/zones/items?f=html");
        assertThat(page.texts("//dl[@class='ogc-facts']/dd//code")).contains("zones", "category");
        // the pages' script and style are served
        assertThat(client.get("/js/ogc/map.js").status()).isEqualTo(200);
        assertThat(client.get("/css/ogc.css").status()).isEqualTo(200);
    }

    @Test
    void itemsPageTabulatesOnePageAndLinksTheNext() {
        Page first = html("/ogc/collections/parcels/items?f=html&limit=5");
        JsonNode json = client.get("/ogc/collections/parcels/items?limit=5").json();
        assertThat(first.texts("//table[contains(@class,'ogc-items')]/tbody/tr/@data-feature-id"))
                .containsExactlyElementsOf(ids(json));
        assertThat(first.text("//span[@id='number-matched']")).isEqualTo(json.get("numberMatched").asString());
        assertThat(first.text("//span[@id='number-returned']")).isEqualTo("5");
        for (JsonNode feature : json.get("features")) {
            String row = "//tr[@data-feature-id='" + feature.get("id").stringValue() + "']";
            assertThat(first.href(row + "//a[@rel='item']")).isEqualTo(ogc() + "/collections/parcels/items/"
                    + feature.get("id").stringValue() + "?f=html");
            assertThat(first.text(row + "/td[@data-property='zone']"))
                    .isEqualTo(feature.at("/properties/zone").stringValue());
            assertThat(first.text(row + "/td[@data-property='status']"))
                    .startsWith(feature.at("/properties/status").stringValue());
        }
        // the map's data is the JSON page itself
        JsonNode data = JSON.readTree(first.text("//script[@id='features'][@type='application/geo+json']"));
        assertThat(ids(data)).containsExactlyElementsOf(ids(json));
        assertThat(first.text("//div[@id='map']/@data-features")).isEqualTo("features");

        String next = first.href("//a[@rel='next'][@type='text/html']");
        assertThat(next).contains("offset=5").contains("limit=5").endsWith("f=html");
        assertThat(first.all("//a[@rel='prev']")).isEmpty();
        Page second = html(client.getAbsolute(next));
        JsonNode secondJson = client.get("/ogc/collections/parcels/items?limit=5&offset=5").json();
        assertThat(second.texts("//table[contains(@class,'ogc-items')]/tbody/tr/@data-feature-id"))
                .containsExactlyElementsOf(ids(secondJson));
        assertThat(second.href("//a[@rel='prev'][@type='text/html']")).contains("offset=0").endsWith("f=html");
        assertThat(second.href("//a[@rel='collection'][@type='text/html']"))
                .isEqualTo(ogc() + "/collections/parcels?f=html");
        assertThat(second.href("//a[@rel='alternate'][@type='application/geo+json']"))
                .isEqualTo(ogc() + "/collections/parcels/items?limit=5&offset=5&f=json");
        assertThat(second.texts("//nav[@class='ogc-breadcrumbs']//li")).hasSize(4);
    }

    @Test
    void itemsPageForABrowserSignedIn() {
        // Signed in, a request takes the full chain (not the anonymous fast path), so Accept decides.
        Page page = html(get(client.asAdmin(), "/ogc/collections/zones/items", BROWSER_ACCEPT));
        assertThat(page.all("//tbody/tr")).hasSize(client.get("/ogc/collections/zones/items").json()
                .get("numberReturned").intValue());
        assertThat(get(client.asAdmin(), "/ogc/collections/zones/items", "application/geo+json").contentType())
                .startsWith("application/geo+json");
    }

    @Test
    void itemsAndItemPagesForAnAnonymousBrowser() {
        assertThat(get(client, "/ogc/collections/zones/items", BROWSER_ACCEPT).contentType()).isEqualTo(HTML_TYPE);
        String id = client.get("/ogc/collections/zones/items?limit=1").json().at("/features/0/id").stringValue();
        assertThat(get(client, "/ogc/collections/zones/items/" + id, BROWSER_ACCEPT).contentType())
                .isEqualTo(HTML_TYPE);
    }

    @Test
    void itemPageHasAPropertyTableAMapAndItsLinks() {
        String id = client.get("/ogc/collections/available-sites/items?limit=1").json().at("/features/0/id")
                .stringValue();
        ServiceClient.Reply reply = client.get("/ogc/collections/parcels/items/" + id + "?f=html");
        Page page = html(reply);
        assertThat(reply.header("ETag")).as("the JSON's ETag names the JSON").isNull();
        JsonNode json = client.get("/ogc/collections/parcels/items/" + id).json();
        List<String> names = new ArrayList<>(json.get("properties").propertyNames());
        assertThat(page.texts("//table[contains(@class,'ogc-properties')]/tbody/tr/@data-property"))
                .containsExactlyElementsOf(names);
        assertThat(page.text("//tr[@data-property='landUse']/td")).startsWith(json.at("/properties/landUse").stringValue());
        assertThat(page.text("//tr[@data-property='status']/td")).isEqualTo("available Available 可供地");
        assertThat(page.text("//tr[@data-property='farMax']/th")).contains("Floor area ratio", "容积率上限", "farMax");
        assertThat(page.text("//tr[@data-property='zone']/td")).isEqualTo(json.at("/properties/zone").stringValue());
        assertThat(page.href("//tr[@data-property='zone']/td/a")).isEqualTo(ogc() + "/collections/zones/items/"
                + json.at("/properties/zone").stringValue() + "?f=html");
        assertThat(JSON.readTree(page.text("//script[@id='features']"))).isEqualTo(json);
        assertThat(page.href("//a[@rel='collection'][@type='text/html']")).isEqualTo(ogc() + "/collections/parcels?f=html");
        assertThat(page.href("//a[@rel='self']")).isEqualTo(ogc() + "/collections/parcels/items/" + id + "?f=html");
        assertThat(page.href("//a[@rel='alternate'][@type='application/geo+json']"))
                .isEqualTo(ogc() + "/collections/parcels/items/" + id + "?f=json");
        assertThat(page.texts("//nav[@class='ogc-breadcrumbs']//li")).hasSize(5);
        assertThat(page.text("//nav[@class='ogc-breadcrumbs']//li[5]")).isEqualTo(id);

        Page zone = html("/ogc/collections/zones/items/" + json.at("/properties/zone").stringValue() + "?f=html");
        JsonNode zoneJson = client.get("/ogc/collections/zones/items/" + json.at("/properties/zone").stringValue()).json();
        assertThat(zone.text("//h1")).contains(zoneJson.at("/properties/nameEn").stringValue(),
                zoneJson.at("/properties/nameZh").stringValue());
    }

    @Test
    void coordinatesInAnotherCrsAreTabulatedButNotMapped() {
        String crs = URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/4548", StandardCharsets.UTF_8);
        ServiceClient.Reply json = client.get("/ogc/collections/zones/items?limit=2&crs=" + crs);
        org.junit.jupiter.api.Assumptions.assumeTrue(json.status() == 200, "crs (OGC API Features Part 2) is served");
        Page page = html("/ogc/collections/zones/items?limit=2&f=html&crs=" + crs);
        assertThat(page.all("//tbody/tr")).hasSize(2);
        assertThat(page.all("//div[@id='map']")).isEmpty();
        assertThat(page.text("//p[@class='ogc-no-map']/code")).isEqualTo(json.header("Content-Crs"));
    }

    @Test
    void theAudienceRulesAndEscapingOfAFeatureProperty() {
        Planning planning = new Planning(client);
        String id = planning.takeAvailableParcel();
        planning.propose(id, HOSTILE);
        String path = "/ogc/collections/parcels/items/" + id + "?f=html";

        Page anonymous = html(path);
        assertThat(anonymous.text("//tr[@data-property='status']/td")).startsWith("unavailable");
        assertThat(anonymous.all("//tr[@data-property='allottee']")).isEmpty();
        assertThat(anonymous.source()).doesNotContain("Laser");

        Page planner = html(client.asAdmin().get(path));
        assertThat(planner.text("//tr[@data-property='status']/td")).startsWith("reserved");
        assertThat(planner.text("//tr[@data-property='allottee']/td")).isEqualTo(HOSTILE);
        assertThat(planner.text("//tr[@data-property='allocationState']/td")).isEqualTo("proposed Proposed 已提出");
        assertThat(planner.source()).contains(HOSTILE_ESCAPED).doesNotContain("<script>alert");
        String block = planner.text("//script[@id='features']");
        assertThat(block).doesNotContain("<").contains("\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/script\\u003e \\u0026");
        assertThat(JSON.readTree(block).at("/properties/allottee").stringValue()).isEqualTo(HOSTILE);
        // the JSON of the same request, for a planner, is the data block
        assertThat(JSON.readTree(block)).isEqualTo(client.asAdmin().get("/ogc/collections/parcels/items/" + id).json());
    }

    @Test
    void aRequestParameterIsEscapedInTextAndInLinks() {
        String hostile = URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8);
        ServiceClient.Reply reply = client.get("/ogc/collections/parcels/items?f=html&zone=" + hostile);
        Page page = html(reply);
        assertThat(page.text("//dl[@class='ogc-query']/dd")).isEqualTo(HOSTILE);
        assertThat(page.source()).contains(HOSTILE_ESCAPED).doesNotContain("<script>alert");
        String alternate = page.href("//a[@rel='alternate'][@type='application/geo+json']");
        assertThat(alternate).startsWith(ogc()
                + "/collections/parcels/items?zone=%3Cscript%3Ealert%28%22x%22%29%3C/script%3E")
                .endsWith("&limit=100&offset=0&f=json");
        // in the markup, the ampersands between parameters are references
        assertThat(page.source()).contains("&amp;limit=100&amp;offset=0&amp;f=json\"");
        JsonNode same = client.getAbsolute(alternate).json();
        assertThat(same.get("numberMatched").intValue()).isZero();
        assertThat(page.text("//p[@class='ogc-empty']")).contains("No features");
    }

    // ---- Refusals ---------------------------------------------------------------------------------------------

    @Test
    void aRefusalIsAPageWithItsStatusForABrowser() {
        ServiceClient.Reply reply = get(client, "/ogc/collections/nowhere?f=html", BROWSER_ACCEPT);
        assertThat(reply.status()).isEqualTo(404);
        Page page = html(reply);
        assertThat(page.text("//h1")).startsWith("404 " + client.get("/ogc/collections/nowhere").json().get("title")
                .stringValue());
        String detail = client.get("/ogc/collections/nowhere").json().get("detail").stringValue();
        assertThat(page.text("//p[@class='ogc-problem-detail']")).isEqualTo(detail);
        assertThat(page.href("//a[@rel='data']")).isEqualTo(ogc() + "/collections?f=html");

        for (String path : List.of("/ogc/collections/parcels/items?f=html&limit=0",
                "/ogc/collections/parcels/items?f=html&limit=5&limit=6", "/ogc/collections/nowhere/items?f=html",
                "/ogc/collections/parcels/items/NO-SUCH-PARCEL?f=html", "/ogc/conformance?f=html&extra=1",
                "/ogc/collections?f=xml")) {
            int expected = client.get(path.replace("f=html", "f=json")).status();
            assertThat(expected).as(path).isIn(400, 404);
            ServiceClient.Reply refused = get(client, path, BROWSER_ACCEPT);
            assertThat(refused.status()).as(path).isEqualTo(expected);
            assertThat(refused.contentType()).as(path).isEqualTo(HTML_TYPE);
            assertThat(html(refused).text("//h1")).as(path).startsWith(Integer.toString(expected));
        }
    }

    @Test
    void aRefusalIsTheProblemDocumentForOtherClientsAskingForHtml() {
        for (String accept : new String[] {null, "*/*", "application/json"}) {
            ServiceClient.Reply reply = get(client, "/ogc/collections/nowhere?f=html", accept);
            assertThat(reply.status()).as(accept).isEqualTo(404);
            assertThat(reply.contentType()).as(accept).isEqualTo("application/problem+json");
            assertThat(reply.json().get("detail").stringValue()).contains("nowhere");
        }
        ServiceClient.Reply badLimit = get(client, "/ogc/collections/parcels/items?f=html&limit=x", "application/json");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("detail").stringValue()).contains("limit");
    }

    @Test
    void aRefusalsDetailIsEscapedOnItsPage() {
        String name = URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8);
        ServiceClient.Reply reply = get(client, "/ogc?f=html&" + name + "=1", BROWSER_ACCEPT);
        assertThat(reply.status()).isEqualTo(400);
        Page page = html(reply);
        assertThat(page.text("//p[@class='ogc-problem-detail']")).contains(HOSTILE);
        assertThat(page.source()).contains(HOSTILE_ESCAPED).doesNotContain("<script>alert");
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------

    static ServiceClient.Reply get(ServiceClient client, String path, String accept) {
        var request = client.request(path).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request);
    }

    Page html(String path) {
        return html(client.get(path));
    }

    /** A successful HTML answer, parsed. */
    static Page html(ServiceClient.Reply reply) {
        assertThat(reply.contentType()).as(reply.body()).isEqualTo(HTML_TYPE);
        // Tomcat's compression adds accept-encoding to the same header
        assertThat(reply.header("Vary")).containsIgnoringCase("accept");
        assertThat(reply.body()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        return Page.parse(reply.body());
    }

    static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").stringValue()));
        return ids;
    }

    /** A page parsed as XML (which also proves it well-formed), queried with XPath. */
    record Page(Document document, String source) {

        static Page parse(String source) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                factory.setExpandEntityReferences(false);
                return new Page(factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8))), source);
            } catch (Exception e) {
                throw new AssertionError("the page is not well-formed: " + e.getMessage() + "\n" + source, e);
            }
        }

        List<Node> all(String xpath) {
            NodeList nodes;
            try {
                nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            } catch (Exception e) {
                throw new AssertionError(xpath, e);
            }
            List<Node> list = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                list.add(nodes.item(i));
            }
            return list;
        }

        /** The text of the first match, whitespace collapsed; the test fails when nothing matches. */
        String text(String xpath) {
            List<Node> nodes = all(xpath);
            assertThat(nodes).as("%s in\n%s", xpath, source).isNotEmpty();
            return nodes.get(0).getTextContent().replaceAll("\\s+", " ").strip();
        }

        List<String> texts(String xpath) {
            return all(xpath).stream().map(n -> n.getTextContent().replaceAll("\\s+", " ").strip()).toList();
        }

        String href(String anchorXpath) {
            return text(anchorXpath + "/@href");
        }

        /** The link relations of the page's {@code <a>} elements. */
        Set<String> rels() {
            Set<String> rels = new TreeSet<>();
            for (Node anchor : all("//a[@rel]")) {
                rels.add(((Element) anchor).getAttribute("rel"));
            }
            return rels;
        }
    }
}
