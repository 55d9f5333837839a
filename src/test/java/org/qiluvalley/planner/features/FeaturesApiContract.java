package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.qiluvalley.planner.tiles.Tiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * OGC API Features read side, end to end: the real application on a fresh database seeded from gis-data, over
 * HTTP. Each store runs the same tests: {@link FeaturesApiH2gisIT}, {@link FeaturesApiPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class FeaturesApiContract {

    private static final ParkDataset PARK = ParkData.dataset();

    @LocalServerPort
    int port;

    ServiceClient client;

    @BeforeEach
    void client() {
        client = new ServiceClient("http://localhost:" + port);
    }

    @Test
    void landingPageLinksTheApiConformanceAndCollections() {
        ServiceClient.Reply reply = client.get("/ogc");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        Set<String> rels = new TreeSet<>();
        reply.json().get("links").forEach(l -> rels.add(l.get("rel").stringValue()));
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
    }

    @Test
    void conformanceListsCoreGeoJsonAndOpenApi() {
        JsonNode body = client.get("/ogc/conformance").json();
        List<String> classes = new ArrayList<>();
        body.get("conformsTo").forEach(c -> classes.add(c.stringValue()));
        assertThat(classes).contains(OgcApi.CONF_CORE, OgcApi.CONF_GEOJSON, OgcApi.CONF_OAS30);
    }

    @Test
    void apiDefinitionIsSelfContainedOpenApi30() {
        ServiceClient.Reply reply = client.get("/ogc/api");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/vnd.oai.openapi+json");
        JsonNode api = reply.json();
        assertThat(api.get("openapi").stringValue()).startsWith("3.0");
        assertThat(api.get("servers").get(0).get("url").stringValue()).isEqualTo(client.base() + "/ogc");
        assertThat(api.get("paths").propertyNames()).contains("/", "/conformance", "/api", "/collections",
                "/collections/parcels", "/collections/parcels/items", "/collections/parcels/items/{featureId}",
                "/collections/road-reserves/items").doesNotContain("/collections/{collectionId}/items");
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        assertThat(refs).isNotEmpty().allMatch(ref -> ref.startsWith("#/"), "only local references");
        for (String ref : refs) {
            assertThat(api.at(ref.substring(1)).isMissingNode()).as("target of %s is missing", ref).isFalse();
        }
        List<String> ids = new ArrayList<>();
        api.at("/components/parameters/collectionId/schema/enum").forEach(n -> ids.add(n.stringValue()));
        assertThat(ids).containsExactly("valley", "zones", "parcels", "available-sites", "constraints", "roads",
                "road-reserves", "places");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                if (name.equals("$ref")) {
                    refs.add(node.get(name).stringValue());
                } else {
                    collectRefs(node.get(name), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    @Test
    void collectionsAreTheEightWithExtentsAndItemLinks() {
        JsonNode body = client.get("/ogc/collections").json();
        List<String> ids = new ArrayList<>();
        for (JsonNode collection : body.get("collections")) {
            ids.add(collection.get("id").stringValue());
            JsonNode bbox = collection.at("/extent/spatial/bbox/0");
            if (collection.get("id").stringValue().equals("places")) {
                // Around the park: from Jinan East station (west) to the airport (north).
                assertThat(bbox.get(0).doubleValue()).isBetween(117.10, 117.20);
                assertThat(bbox.get(3).doubleValue()).isBetween(36.85, 36.86);
            } else {
                assertThat(bbox.get(0).doubleValue()).isBetween(117.17, 117.23);
                assertThat(bbox.get(1).doubleValue()).isBetween(36.72, 36.76);
            }
            boolean itemsLink = false;
            for (JsonNode link : collection.get("links")) {
                itemsLink |= link.get("rel").stringValue().equals("items")
                        && link.get("type").stringValue().equals("application/geo+json");
            }
            assertThat(itemsLink).as("items link of %s", collection.get("id")).isTrue();
        }
        assertThat(ids).containsExactly("valley", "zones", "parcels", "available-sites", "constraints", "roads",
                "road-reserves", "places");
        assertThat(client.get("/ogc/collections/zones").json().get("id").stringValue()).isEqualTo("zones");
    }

    // ---- Items ------------------------------------------------------------------------------------------------

    @Test
    void parcelsPageWithSelfNextAndPrevLinks() {
        ServiceClient.Reply first = client.get("/ogc/collections/parcels/items?limit=5");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/geo+json");
        JsonNode body = first.json();
        assertThat(body.get("type").stringValue()).isEqualTo("FeatureCollection");
        assertThat(body.get("numberReturned").intValue()).isEqualTo(5);
        assertThat(body.get("numberMatched").intValue()).isEqualTo(PARK.parcels().size());
        assertThat(body.get("timeStamp").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(link(body, "prev")).isNull();

        // Follow next links to the end: every parcel exactly once, in id order.
        List<String> ids = new ArrayList<>();
        JsonNode page = body;
        int pages = 0;
        while (true) {
            page.get("features").forEach(f -> ids.add(f.get("id").stringValue()));
            pages++;
            String next = link(page, "next");
            if (next == null) {
                break;
            }
            page = client.getAbsolute(next).json();
            assertThat(link(page, "prev")).isNotNull();
        }
        assertThat(pages).isEqualTo((PARK.parcels().size() + 4) / 5);
        assertThat(ids).isEqualTo(PARK.parcels().stream().map(Parcel::id).sorted().toList());
    }

    @Test
    void anAvailableParcelShowsExactlyThePublicFields() {
        Parcel parcel = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).findFirst()
                .orElseThrow();
        ServiceClient.Reply reply = client.get("/ogc/collections/parcels/items/" + parcel.id());
        JsonNode feature = reply.json();
        assertThat(feature.get("id").stringValue()).isEqualTo(parcel.id());
        // The seed gives every available site an (illustrative) price and readiness.
        assertThat(feature.get("properties").propertyNames()).containsExactly("zone", "landUse", "status",
                "areaM2", "farMin", "farMax", "coverageMin", "coverageMax", "greenRatioMin", "greenRatioMax",
                "heightMaxMetres", "setbackMetres", "reservePriceWanYuan", "depositWanYuan", "pricePerMuWanYuan",
                "readiness", "fullyReady");
        assertThat(feature.at("/properties/status").stringValue()).isEqualTo("available");
        assertThat(feature.at("/properties/areaM2").doubleValue())
                .isCloseTo(parcel.areaSquareMetres(), org.assertj.core.data.Offset.offset(0.005));
        assertThat(feature.at("/geometry/type").stringValue()).isEqualTo("Polygon");
        assertThat(reply.header("ETag")).endsWith("-public\"");
    }

    @Test
    void reservedAndAllocatedParcelsAreRedactedToZoneStatusUnavailableAndArea() {
        for (ParcelStatus status : List.of(ParcelStatus.RESERVED, ParcelStatus.ALLOCATED)) {
            Parcel parcel = PARK.parcels().stream().filter(p -> p.status() == status).findFirst().orElseThrow();
            JsonNode feature = client.get("/ogc/collections/parcels/items/" + parcel.id()).json();
            assertThat(feature.get("id").stringValue()).isEqualTo(parcel.id());
            assertThat(feature.get("properties").propertyNames()).as(status.wireName())
                    .containsExactly("zone", "status", "areaM2");
            assertThat(feature.at("/properties/zone").stringValue()).isEqualTo(parcel.zone());
            assertThat(feature.at("/properties/status").stringValue()).isEqualTo("unavailable");
            assertThat(feature.at("/properties/areaM2").doubleValue())
                    .isCloseTo(parcel.areaSquareMetres(), org.assertj.core.data.Offset.offset(0.005));

            // The same parcel in a page of the collection is redacted alike.
            JsonNode inList = null;
            for (JsonNode f : client.get("/ogc/collections/parcels/items?limit=1000").json().get("features")) {
                if (f.get("id").stringValue().equals(parcel.id())) {
                    inList = f;
                }
            }
            assertThat(inList).isNotNull();
            assertThat(inList.get("properties")).isEqualTo(feature.get("properties"));
        }
    }

    @Test
    void thePublicFiltersOnAvailableOrUnavailableOnly() {
        long unavailable = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.RESERVED
                || p.status() == ParcelStatus.ALLOCATED).count();
        JsonNode body = client.get("/ogc/collections/parcels/items?status=unavailable&limit=1000").json();
        assertThat(body.get("numberMatched").intValue()).isEqualTo(unavailable);
        body.get("features").forEach(f -> assertThat(f.at("/properties/status").stringValue()).isEqualTo("unavailable"));
        long available = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).count();
        assertThat(client.get("/ogc/collections/parcels/items?status=available&limit=1").json().get("numberMatched")
                .intValue()).isEqualTo(available);
        for (String hidden : List.of("reserved", "allocated", "withdrawn", "nonsense")) {
            ServiceClient.Reply reply = client.get("/ogc/collections/parcels/items?status=" + hidden);
            assertThat(reply.status()).as(hidden).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
        }
        // A land-use filter counts available parcels only: the land use of the others is not public.
        long availableIndustrial = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE
                && p.landUse().equals("100101")).count();
        assertThat(client.get("/ogc/collections/parcels/items?landUse=100101&limit=1").json().get("numberMatched")
                .intValue()).isEqualTo(availableIndustrial);
        assertThat(client.get("/ogc/collections/parcels/items?landUse=100101&status=unavailable").json()
                .get("numberMatched").intValue()).isZero();
    }

    @Test
    void plannersSeeEveryFieldAndStatusOfAReservedParcel() {
        Parcel reserved = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.RESERVED).findFirst()
                .orElseThrow();
        ServiceClient.Reply reply = client.asAdmin().get("/ogc/collections/parcels/items/" + reserved.id());
        JsonNode properties = reply.json().get("properties");
        assertThat(properties.get("status").stringValue()).isEqualTo("reserved");
        assertThat(properties.get("landUse").stringValue()).isEqualTo(reserved.landUse());
        assertThat(properties.get("farMax").doubleValue()).isEqualTo(reserved.indicators().farMax());
        assertThat(properties.get("version").longValue()).isPositive();
        assertThat(reply.header("ETag")).isEqualTo("\"v" + properties.get("version").longValue() + "\"");
        assertThat(client.asAdmin().get("/ogc/collections/parcels/items?status=reserved&limit=1000").json()
                .get("numberMatched").intValue())
                .isEqualTo((int) PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.RESERVED).count());
    }

    @Test
    void bboxResultsMatchADirectJtsComputation() {
        double[][] boxes = {{117.205, 36.742, 117.215, 36.750}, {117.19, 36.73, 117.25, 36.77},
            {117.2301, 36.7521, 117.2352, 36.7555}, {100, 10, 101, 11}};
        for (double[] b : boxes) {
            Geometry box = CrsTransform.CRS84.toGeometry(new Envelope(b[0], b[2], b[1], b[3]));
            Set<String> expected = new TreeSet<>();
            PARK.parcels().stream().filter(p -> p.crs84().intersects(box)).forEach(p -> expected.add(p.id()));
            JsonNode body = client.get("/ogc/collections/parcels/items?limit=1000&bbox=" + b[0] + "," + b[1] + ","
                    + b[2] + "," + b[3]).json();
            Set<String> actual = new TreeSet<>();
            body.get("features").forEach(f -> actual.add(f.get("id").stringValue()));
            assertThat(actual).as("bbox %s", java.util.Arrays.toString(b)).isEqualTo(expected);
            assertThat(body.get("numberMatched").intValue()).isEqualTo(expected.size());
        }
    }

    @Test
    void availableSitesAreTheAvailableParcels() {
        long available = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).count();
        JsonNode body = client.get("/ogc/collections/available-sites/items?limit=1000").json();
        assertThat(body.get("numberMatched").intValue()).isEqualTo(available);
        body.get("features").forEach(f -> assertThat(f.at("/properties/status").stringValue()).isEqualTo("available"));
        String reserved = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.RESERVED).findFirst()
                .orElseThrow().id();
        assertThat(client.get("/ogc/collections/available-sites/items/" + reserved).status()).isEqualTo(404);
        // In the parcels collection it is there, redacted (see reservedAndAllocatedParcelsAreRedacted...).
        assertThat(client.get("/ogc/collections/parcels/items/" + reserved).status()).isEqualTo(200);
    }

    @Test
    void limitAboveTheMaximumIsReducedToIt() {
        JsonNode body = client.get("/ogc/collections/parcels/items?limit=100000").json();
        assertThat(body.get("numberReturned").intValue()).isEqualTo(PARK.parcels().size());
        assertThat(client.get("/ogc/collections/parcels/items").json().get("numberReturned").intValue()).isEqualTo(100);
    }

    @Test
    void queryableFiltersNarrowTheResult() {
        JsonNode body = client.get("/ogc/collections/parcels/items?zone=incubator&limit=1000").json();
        long incubator = PARK.parcels().stream().filter(p -> p.zone().equals("incubator")).count();
        assertThat(body.get("numberMatched").intValue()).isEqualTo(incubator);
        assertThat(client.get("/ogc/collections/constraints/items?kind=river-blue-line").json().get("numberMatched")
                .intValue()).isEqualTo(1);
    }

    @Test
    void otherCollectionsCarryTheirDocumentedProperties() {
        JsonNode zones = client.get("/ogc/collections/zones/items").json();
        List<String> zoneIds = new ArrayList<>();
        zones.get("features").forEach(f -> {
            zoneIds.add(f.get("id").stringValue());
            assertThat(f.get("properties").has("nameEn")).isTrue();
            assertThat(f.get("properties").has("nameZh")).isTrue();
        });
        assertThat(zoneIds).containsExactly("exhibition", "exchange-center", "incubator", "research-institute",
                "laser-industry", "infrastructure");
        Set<String> kinds = new TreeSet<>();
        client.get("/ogc/collections/constraints/items").json().get("features")
                .forEach(f -> kinds.add(f.at("/properties/kind").stringValue()));
        assertThat(kinds).containsExactlyInAnyOrder("ecological-red-line", "permanent-basic-farmland",
                "urban-development-boundary", "river-blue-line", "high-voltage-corridor");
        JsonNode valley = client.get("/ogc/collections/valley/items/valley").json();
        assertThat(valley.at("/properties/areaM2").doubleValue()).isBetween(4_865_000.0, 4_875_000.0);
        assertThat(client.get("/ogc/collections/road-reserves/items").json().get("numberMatched").intValue())
                .isPositive();
    }

    // ---- Hostile input ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"bbox=a,b,c,d", "bbox=1,2,3", "bbox=1,2,3,4,5", "bbox=", "bbox=NaN,1,2,3",
        "bbox=Infinity,1,2,3", "bbox=1,50,2,40", "bbox=-200,0,0,10", "bbox=0,-91,1,1",
        "limit=-1", "limit=0", "limit=abc", "limit=1.5", "limit=99999999999999999999", "offset=-5",
        "offset=x", "offset=1e3", "foo=bar", "LIMIT=5", "limit=5&limit=6", "f=xml",
        "zone=incubator&zone=exhibition", "bbox=1e309,0,1,1", "sortby=id", "filter=version%3E1",
        "filter=nope%3D1", "filter=zone%3D%27a%27%20OR", "filter-lang=cql1&filter=zone%3D%27a%27",
        "filter=zone%3D%27a%27&filter-crs=http://www.opengis.net/def/crs/EPSG/0/4326",
        "bbox=117.2,36.7,117.3,36.8&crs=EPSG:4326", "crs=http://www.opengis.net/def/crs/EPSG/0/4326",
        "crs=http://www.opengis.net/def/crs/EPSG/0/4548&crs=http://www.opengis.net/def/crs/EPSG/0/4548",
        "bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4549",
        "bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/27700",
        "bbox=4068000,519000,4067000,520000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4548",
        "bbox=1e9,0,1e9,1&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857",
        "bbox=36,117,37,118,1&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490", "datetime=now",
        "datetime=2026-13-01", "datetime=2027-01-01/2026-01-01", "datetime=..", "datetime=", "datetime=a/b/c",
        "datetime=2026-12-04T10:00:00"})
    void badItemsParametersAre400ProblemDetails(String query) {
        ServiceClient.Reply reply = client.get("/ogc/collections/parcels/items?" + query);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "at org.", "at java.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections/nope", "/ogc/collections/nope/items",
        "/ogc/collections/parcels/items/QOV-XX-999", "/ogc/collections/parcels/items/%27%20OR%201%3D1--",
        "/ogc/collections/..%2F..%2Fetc/items", "/no/such/page", "/ogc/collections/zones/items/%00"})
    void unknownThingsAre404ProblemDetails(String path) {
        ServiceClient.Reply reply = client.get(path);
        assertThat(reply.status()).as(path).isBetween(400, 404);
        assertThat(reply.contentType()).as(path).isEqualTo("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void metadataResourcesRejectUnknownParameters() {
        assertThat(client.get("/ogc?foo=1").status()).isEqualTo(400);
        assertThat(client.get("/ogc/collections?bbox=1,2,3,4").status()).isEqualTo(400);
        assertThat(client.get("/ogc/collections/parcels/items/QOV-LI-001?limit=1").status()).isEqualTo(400);
        assertThat(client.get("/ogc?f=json").status()).isEqualTo(200);
    }

    @Test
    void writesNeedAPlannerAndOnlyParcelsAreWritable() {
        ServiceClient.Reply anonymous = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(client.base() + "/ogc/collections/parcels/items"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/geo+json"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        ServiceClient.Reply zones = client.asAdmin().postJson("/ogc/collections/zones/items", "{}");
        assertThat(zones.status()).isEqualTo(405);
        assertThat(zones.contentType()).isEqualTo("application/problem+json");
    }

    /** The href of the link with this rel, or null. */
    private static String link(JsonNode body, String rel) {
        for (JsonNode link : body.get("links")) {
            if (link.get("rel").stringValue().equals(rel)) {
                return link.get("href").stringValue();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The anonymous fast path (AnonymousMapReads) answers exactly as the full filter chain does
    // ---------------------------------------------------------------------------------------------------------

    @Autowired
    MeterRegistry meters;

    /**
     * Every anonymous read it serves, and every one it hands on (refusals), gives the same status, headers and
     * bytes as the full chain. A session cookie the service does not know sends a request through the full chain
     * as an anonymous one, so the two are compared on the same data.
     */
    @Test
    void anonymousReadsAnswerExactlyAsTheFullChainDoes() {
        String reserved = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.RESERVED).findFirst()
                .orElseThrow().id();
        int[] parkTile = Tiles.at(15, 117.215, 36.748);
        String tile = Tiles.path("parcels", parkTile);
        String parkTileEtag = client.getBytes(tile).header("ETag");
        List<String[]> requests = List.of(
                new String[] {"/ogc/collections/parcels/items"},
                new String[] {"/ogc/collections/parcels/items?bbox=117.205,36.742,117.215,36.750&limit=7&offset=3"},
                new String[] {"/ogc/collections/parcels/items?status=unavailable&zone=laser-industry"},
                new String[] {"/ogc/collections/available-sites/items?landUse=0802&f=json"},
                new String[] {"/ogc/collections/zones/items"},
                new String[] {"/ogc/collections/parcels/items/QOV-LI-014"},
                new String[] {"/ogc/collections/parcels/items/" + reserved},
                new String[] {tile},
                new String[] {tile, "If-None-Match", parkTileEtag},
                new String[] {Tiles.path("roads", Tiles.at(17, 117.215, 36.748))},
                new String[] {"/ogc/collections/parcels/tiles/WebMercatorQuad/15/0/0"},
                // Refused by the controller, so answered by the full chain either way.
                new String[] {"/ogc/collections/parcels/items?bbox=a,b,c,d"},
                new String[] {"/ogc/collections/parcels/items?colour=red"},
                new String[] {"/ogc/collections/nope/items"},
                new String[] {"/ogc/collections/parcels/items/NOPE-1"},
                new String[] {"/ogc/collections/parcels/tiles/WebMercatorQuad/99/0/0"},
                new String[] {"/ogc/collections/parcels/tiles/Other/15/0/0"});
        List<String> servedFast = new ArrayList<>();
        for (String[] request : requests) {
            String[] extra = java.util.Arrays.copyOfRange(request, 1, request.length);
            double before = servedFast();
            ServiceClient.BinaryReply fast = client.getBytes(request[0], extra);
            if (servedFast() > before) {
                servedFast.add(request[0]);
            }
            String[] withCookie = java.util.Arrays.copyOf(extra, extra.length + 2);
            withCookie[extra.length] = "Cookie";
            withCookie[extra.length + 1] = "SESSION=" + "0".repeat(36);
            ServiceClient.BinaryReply full = client.getBytes(request[0], withCookie);
            assertThat(fast.status()).as(request[0]).isEqualTo(full.status());
            assertThat(comparableHeaders(fast)).as(request[0]).isEqualTo(comparableHeaders(full));
            assertThat(withoutTimeStamp(fast.body())).as(request[0]).isEqualTo(withoutTimeStamp(full.body()));
        }
        // The reads took the fast path, the refusals did not: the comparison was not of one path with itself.
        assertThat(servedFast).containsExactlyElementsOf(requests.subList(0, 11).stream().map(r -> r[0]).toList());
    }

    @Test
    void credentialsAlwaysTakeTheFullChain() {
        double servedBefore = servedFast();
        ServiceClient.BinaryReply wrongPassword = client.as("admin", "not-the-password")
                .getBytes("/ogc/collections/parcels/items?limit=1");
        assertThat(wrongPassword.status()).isEqualTo(401);
        ServiceClient.BinaryReply planner = client.asAdmin().getBytes("/ogc/collections/parcels/items?limit=1");
        assertThat(new String(planner.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"version\"");
        assertThat(servedFast()).isEqualTo(servedBefore);
    }

    private double servedFast() {
        return meters.find("valley.map.reads").timers().stream().mapToDouble(t -> t.count()).sum();
    }

    // ---- Part 1 complete: datetime, the antimeridian, one geometry type and one items path per collection --------

    @Test
    void aValidDatetimeSelectsEveryFeatureSinceNoLayerHasATime() {
        int all = matched("/ogc/collections/parcels/items");
        for (String datetime : List.of("2026-12-04T10:00:00Z", "2026-12-04", "2026-01-01T00:00:00%2B08:00/..",
                "../2026-12-04T10:00:00Z", "2020-01-01/2030-12-31", "../..", "/2026-12-04")) {
            ServiceClient.Reply reply = client.get("/ogc/collections/parcels/items?datetime=" + datetime);
            assertThat(reply.status()).as(datetime).isEqualTo(200);
            assertThat(reply.json().get("numberMatched").intValue()).as(datetime).isEqualTo(all);
        }
        String next = link(client.get("/ogc/collections/parcels/items?limit=5&datetime=2026-12-04").json(), "next");
        assertThat(next).contains("datetime=2026-12-04");
    }

    @Test
    void aBboxCrossingTheAntimeridianIsTheTwoBoxesEitherSideOfIt() {
        // From 100 E eastwards across 180 to 170 W: the park (117 E) is in its western half.
        Set<String> across = ids("/ogc/collections/parcels/items?limit=1000&bbox=100,36.742,-170,36.750");
        assertThat(across).isNotEmpty()
                .isEqualTo(ids("/ogc/collections/parcels/items?limit=1000&bbox=100,36.742,180,36.750"));
        assertThat(matched("/ogc/collections/parcels/items?bbox=100,36.742,-170,36.750")).isEqualTo(across.size());
        // 177 E to 177 W (the test suite's box): neither half reaches the park.
        assertThat(matched("/ogc/collections/parcels/items?bbox=177,65,-177,70")).isZero();
    }

    @Test
    void eachCollectionHasOneGeometryType() {
        java.util.Map<String, String> expected = java.util.Map.of("valley", "Polygon", "zones", "MultiPolygon",
                "parcels", "Polygon", "available-sites", "Polygon", "constraints", "Polygon", "roads", "LineString",
                "road-reserves", "Polygon", "places", "Point");
        expected.forEach((collection, type) -> {
            Set<String> types = new TreeSet<>();
            client.get("/ogc/collections/" + collection + "/items?limit=1000").json().get("features")
                    .forEach(f -> types.add(f.at("/geometry/type").stringValue()));
            assertThat(types).as(collection).containsExactly(type);
        });
        // The road layer, split: a centre line and a reserve per road.
        assertThat(matched("/ogc/collections/roads/items")).isEqualTo(matched("/ogc/collections/road-reserves/items"))
                .isEqualTo((int) PARK.roads().stream().filter(r -> r.kind().equals("reserve")).count());
    }

    @Test
    void eachCollectionsItemsPathListsExactlyTheParametersItAccepts() {
        JsonNode api = client.get("/ogc/api").json();
        for (JsonNode collection : client.get("/ogc/collections").json().get("collections")) {
            String id = collection.get("id").stringValue();
            JsonNode get = api.at("/paths/~1collections~1" + id + "~1items/get");
            Set<String> names = new TreeSet<>();
            get.get("parameters").forEach(p -> {
                JsonNode parameter = p.has("$ref") ? api.at(p.get("$ref").stringValue().substring(1)) : p;
                names.add(parameter.get("name").stringValue());
            });
            assertThat(names).as(id).contains("bbox", "bbox-crs", "crs", "datetime", "limit", "offset", "f");
            for (String name : names) {
                ServiceClient.Reply reply = client.get("/ogc/collections/" + id + "/items?" + name + "="
                        + sampleValue(name));
                assertThat(reply.status()).as(id + " " + name + ": " + reply.body()).isEqualTo(200);
            }
            assertThat(client.get("/ogc/collections/" + id + "/items?notAParameter=1").status()).isEqualTo(400);
            boolean writable = api.at("/paths/~1collections~1" + id + "~1items/post").isObject();
            assertThat(writable).as(id + " writable").isEqualTo(id.equals("parcels"));
        }
    }

    /** A value the parameter accepts on every collection. */
    private static String sampleValue(String name) {
        return switch (name) {
            case "bbox" -> "117.1,36.7,117.3,36.8";
            case "bbox-crs", "crs", "filter-crs" -> CRS84;
            case "filter" -> "S_INTERSECTS(geometry,BBOX(117,36,118,37))";
            case "filter-lang" -> "cql2-text";
            case "datetime" -> "2026-12-04";
            case "limit" -> "3";
            case "offset" -> "1";
            case "f" -> "json";
            case "status" -> "available";
            case "category" -> "facility";
            case "kind" -> "boundary";
            default -> "x";
        };
    }

    // ---- Part 3: queryables and CQL2 filters ----------------------------------------------------------------------

    @Test
    void queryablesListWhatTheCallerMayFilterOn() {
        ServiceClient.Reply anonymous = client.get("/ogc/collections/parcels/queryables");
        assertThat(anonymous.contentType()).startsWith("application/schema+json");
        JsonNode schema = anonymous.json();
        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("properties").propertyNames()).contains("geometry", "zone", "landUse", "status",
                "areaM2").doesNotContain("version", "updatedAt");
        assertThat(client.asAdmin().get("/ogc/collections/parcels/queryables").json().get("properties")
                .propertyNames()).contains("version", "updatedAt");
        assertThat(link(client.get("/ogc/collections/parcels").json(),
                "http://www.opengis.net/def/rel/ogc/1.0/queryables")).endsWith("/ogc/collections/parcels/queryables");
        assertThat(client.get("/ogc/conformance").body())
                .contains("ogcapi-features-3/1.0/conf/features-filter", "cql2/1.0/conf/cql2-text");
    }

    @Test
    void aCql2FilterSelectsWhatItSaysInTextAndJson() {
        // Available parcels of the laser-industry zone over 2 ha: evaluated here on the seed data.
        Set<String> expected = new TreeSet<>();
        PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE
                && p.zone().equals("laser-industry") && Math.round(p.areaSquareMetres() * 100) / 100.0 > 20_000)
                .forEach(p -> expected.add(p.id()));
        String text = "zone = 'laser-industry' AND areaM2 > 20000 AND status = 'available'";
        Set<String> byText = ids("/ogc/collections/parcels/items?limit=1000&filter=" + FeaturesController.queryValue(text));
        assertThat(byText).isNotEmpty().isEqualTo(expected);
        String json = "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"zone\"},\"laser-industry\"]},"
                + "{\"op\":\">\",\"args\":[{\"property\":\"areaM2\"},20000]},"
                + "{\"op\":\"=\",\"args\":[{\"property\":\"status\"},\"available\"]}]}";
        assertThat(ids("/ogc/collections/parcels/items?limit=1000&filter-lang=cql2-json&filter="
                + FeaturesController.queryValue(json))).isEqualTo(expected);
        // Paging keeps the filter, encoded so that no server reads it differently.
        String next = link(client.get("/ogc/collections/parcels/items?limit=2&filter="
                + FeaturesController.queryValue(text)).json(), "next");
        assertThat(next).contains("filter=zone%20%3D%20%27laser-industry%27");
        ServiceClient.Reply second = client.getAbsolute(next);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        second.json().get("features").forEach(f -> assertThat(expected).contains(f.get("id").stringValue()));
    }

    /**
     * The investor's filters of F11 on available-sites, for anyone: a maximum price per mu, fully ready only, a
     * minimum size in mu, in CQL2-Text and CQL2-JSON. The expected sites are worked out here from the items as served.
     */
    @Test
    void priceAndReadinessFiltersReturnExactlyTheMatchingSites() {
        List<JsonNode> sites = new ArrayList<>();
        client.get("/ogc/collections/available-sites/items?limit=1000").json().get("features").forEach(sites::add);
        double maxPerMu = 30;
        double minM2 = 15 * 10_000.0 / 15;
        java.util.function.Predicate<JsonNode> cheap = f -> f.at("/properties/pricePerMuWanYuan").isNumber()
                && f.at("/properties/pricePerMuWanYuan").doubleValue() <= maxPerMu;
        java.util.function.Predicate<JsonNode> ready = f -> f.at("/properties/fullyReady").isBoolean()
                && f.at("/properties/fullyReady").booleanValue();
        java.util.function.Predicate<JsonNode> big = f -> f.at("/properties/areaM2").doubleValue() >= minM2;
        java.util.function.Function<java.util.function.Predicate<JsonNode>, Set<String>> expected = which -> {
            Set<String> ids = new TreeSet<>();
            sites.stream().filter(which).forEach(f -> ids.add(f.get("id").stringValue()));
            return ids;
        };
        String items = "/ogc/collections/available-sites/items?limit=1000&filter=";
        // Each filter in CQL2-Text and in CQL2-JSON, with the sites it must select.
        List<Object[]> cases = List.of(
                new Object[] {"pricePerMuWanYuan <= 30", "<=", "pricePerMuWanYuan", "30", cheap},
                new Object[] {"fullyReady = true", "=", "fullyReady", "true", ready});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Set<String> matching = expected.apply((java.util.function.Predicate<JsonNode>) c[4]);
            assertThat(matching).as((String) c[0]).isNotEmpty().hasSizeLessThan(sites.size());
            assertThat(ids(items + FeaturesController.queryValue((String) c[0]))).as((String) c[0]).isEqualTo(matching);
            String json = "{\"op\":\"" + c[1] + "\",\"args\":[{\"property\":\"" + c[2] + "\"}," + c[3] + "]}";
            assertThat(ids(items + FeaturesController.queryValue(json) + "&filter-lang=cql2-json")).as(json)
                    .isEqualTo(matching);
        }
        assertThat(ids(items + FeaturesController.queryValue("fullyReady = false")))
                .isEqualTo(expected.apply(f -> f.at("/properties/fullyReady").isBoolean() && !ready.test(f)));
        Set<String> all = expected.apply(cheap.and(ready).and(big));
        assertThat(ids(items + FeaturesController.queryValue("pricePerMuWanYuan <= 30 AND fullyReady = TRUE AND "
                + "areaM2 >= " + minM2))).isEqualTo(all);
        // The public parcels collection finds no reserved or allocated parcel by price or readiness.
        assertThat(ids("/ogc/collections/parcels/items?limit=1000&filter="
                + FeaturesController.queryValue("reservePriceWanYuan > 0 OR fullyReady IS NOT NULL")))
                .isEqualTo(expected.apply(f -> f.at("/properties/reservePriceWanYuan").isNumber()
                        || f.at("/properties/fullyReady").isBoolean()));
        JsonNode queryables = client.get("/ogc/collections/available-sites/queryables").json().get("properties");
        assertThat(queryables.at("/pricePerMuWanYuan/type").stringValue()).isEqualTo("number");
        assertThat(queryables.at("/reservePriceWanYuan/type").stringValue()).isEqualTo("number");
        assertThat(queryables.at("/depositWanYuan/type").stringValue()).isEqualTo("number");
        assertThat(queryables.at("/fullyReady/type").stringValue()).isEqualTo("boolean");
    }

    @Test
    void aSpatialFilterInEpsg4548ReadsNorthingFirst() {
        Parcel parcel = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).findFirst()
                .orElseThrow();
        Coordinate c = parcel.planar().getCentroid().getCoordinate();
        String filter = "S_INTERSECTS(geometry, POINT(" + c.y + " " + c.x + "))";
        assertThat(ids("/ogc/collections/parcels/items?filter-crs=" + PLANAR + "&filter="
                + FeaturesController.queryValue(filter))).containsExactly(parcel.id());
        String lonLat = CrsTransform.toCrs84(parcel.planar().getCentroid()).getCoordinate().x + " "
                + CrsTransform.toCrs84(parcel.planar().getCentroid()).getCoordinate().y;
        assertThat(ids("/ogc/collections/parcels/items?filter="
                + FeaturesController.queryValue("S_INTERSECTS(geometry, POINT(" + lonLat + "))")))
                .containsExactly(parcel.id());
    }

    @Test
    void aFilterOnAPropertyThePublicCannotSeeIsRefusedAsAnUnknownOne() {
        ServiceClient.Reply hidden = client.get("/ogc/collections/parcels/items?filter=version%3E1");
        ServiceClient.Reply unknown = client.get("/ogc/collections/parcels/items?filter=versio%3E1");
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.json().get("detail").stringValue().replace("version", "X"))
                .isEqualTo(unknown.json().get("detail").stringValue().replace("versio", "X"));
        assertThat(client.asAdmin().get("/ogc/collections/parcels/items?filter=version%3E1").status()).isEqualTo(200);
        String deep = "(".repeat(40) + "zone='a'" + ")".repeat(40);
        assertThat(client.get("/ogc/collections/parcels/items?filter=" + FeaturesController.queryValue(deep))
                .status()).isEqualTo(400);
    }

    // ---- GeoPackage downloads ------------------------------------------------------------------------------------

    @Test
    void everyCollectionDownloadsAsAGeoPackageOfEveryFeatureInEpsg4548(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        for (JsonNode collection : client.get("/ogc/collections").json().get("collections")) {
            String id = collection.get("id").stringValue();
            String enclosure = link(collection, "enclosure");
            assertThat(enclosure).endsWith("/ogc/collections/" + id + "/items?f=gpkg");
            ServiceClient.BinaryReply download = client.getBytes("/ogc/collections/" + id + "/items?f=gpkg");
            assertThat(download.status()).as(id).isEqualTo(200);
            assertThat(download.header("Content-Type")).isEqualTo("application/geopackage+sqlite3");
            assertThat(download.header("Content-Crs")).isEqualTo("<" + PLANAR + ">");
            java.nio.file.Path file = dir.resolve(id + ".gpkg");
            java.nio.file.Files.write(file, download.body());
            Set<String> expected = ids("/ogc/collections/" + id + "/items?limit=1000");
            Set<String> inFile = new TreeSet<>();
            try (var reader = org.qiluvalley.planner.geopackage.GeoPackageReader.open(file, id)) {
                assertThat(reader.crs()).isEqualTo(org.qiluvalley.planner.geopackage.GeoPackageCrs.EPSG_4548);
                for (var feature = reader.next(); feature != null; feature = reader.next()) {
                    inFile.add(feature.id());
                    assertThat(feature.geometry().getSRID()).isEqualTo(4548);
                }
                List<String> fields = reader.fields().stream().map(f -> f.name()).toList();
                assertThat(fields).as(id + " fields").doesNotContain("version", "updatedAt", "allottee");
            }
            assertThat(inFile).as(id).isEqualTo(expected);
        }
    }

    @Test
    void aGeoPackageDownloadIsTheFilteredCollectionWithTheCallersFields(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        ServiceClient.BinaryReply planners = client.asAdmin().getBytes(
                "/ogc/collections/parcels/items?f=gpkg&zone=laser-industry&limit=3&offset=2");
        assertThat(planners.status()).isEqualTo(200);
        java.nio.file.Path file = dir.resolve("planners.gpkg");
        java.nio.file.Files.write(file, planners.body());
        try (var reader = org.qiluvalley.planner.geopackage.GeoPackageReader.open(file, "parcels")) {
            // Every page at once: limit and offset do not apply.
            assertThat(reader.count()).isEqualTo(PARK.parcels().stream()
                    .filter(p -> p.zone().equals("laser-industry")).count());
            assertThat(reader.fields().stream().map(f -> f.name()).toList()).contains("version", "updatedAt",
                    "allocationId", "allottee");
        }
        assertThat(client.get("/ogc/collections/parcels/items?f=gpkg&crs=" + WEB_MERCATOR).status()).isEqualTo(400);
        assertThat(client.get("/ogc/collections/parcels/items?f=gpkg&colour=red").status()).isEqualTo(400);
        assertThat(client.get("/ogc/collections/parcels/items?f=shp").status()).isEqualTo(400);
    }

    // ---- Part 2: coordinate reference systems -------------------------------------------------------------------

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String CGCS2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";
    static final String PLANAR = "http://www.opengis.net/def/crs/EPSG/0/4548";
    static final String WEB_MERCATOR = "http://www.opengis.net/def/crs/EPSG/0/3857";

    @Test
    void everyCollectionListsItsCrsAndStoresInEpsg4548() {
        for (JsonNode collection : client.get("/ogc/collections").json().get("collections")) {
            List<String> crs = new ArrayList<>();
            collection.get("crs").forEach(c -> crs.add(c.stringValue()));
            assertThat(crs).containsExactly(CRS84, CGCS2000, PLANAR, WEB_MERCATOR);
            assertThat(collection.get("storageCrs").stringValue()).isEqualTo(PLANAR);
        }
        assertThat(client.get("/ogc/conformance").body())
                .contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    @Test
    void coordinatesComeInTheCrsAskedForInItsAxisOrder() {
        Parcel parcel = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).findFirst()
                .orElseThrow();
        String path = "/ogc/collections/parcels/items/" + parcel.id();
        ServiceClient.Reply inCrs84 = client.get(path);
        assertThat(inCrs84.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
        Geometry lonLat = GeoJson.readGeometry(inCrs84.json().get("geometry"), CrsTransform.CRS84);
        Geometry eastNorth = CrsTransform.toPlanar(lonLat);

        ServiceClient.Reply inPlanar = client.get(path + "?crs=" + PLANAR);
        assertThat(inPlanar.header("Content-Crs")).isEqualTo("<" + PLANAR + ">");
        assertThat(inPlanar.header("ETag")).isNotEqualTo(inCrs84.header("ETag"));
        Geometry northEast = geometry(inPlanar);
        // EPSG:4548 northing first (about 4,068 km), easting second (about 519 km): the same points to the mm.
        assertThat(distance(swapped(northEast), eastNorth)).isLessThan(0.0015);
        // EPSG:4490 latitude first: CRS84's numbers, swapped.
        assertThat(distance(swapped(geometry(client.get(path + "?crs=" + CGCS2000))), lonLat)).isLessThan(1e-8);
        // EPSG:3857 easting first: the sphere's x = R * longitude in radians, y = R * ln(tan(pi/4 + latitude/2)).
        Geometry mercator = geometry(client.get(path + "?crs=" + WEB_MERCATOR));
        Geometry expectedMercator = lonLat.copy();
        expectedMercator.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.setCoordinate(new Coordinate(
                6_378_137 * Math.toRadians(c.x), 6_378_137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(c.y) / 2)))));
        assertThat(distance(mercator, expectedMercator)).isLessThan(0.0015);
        Coordinate first = northEast.getCoordinate();
        assertThat(first.x).isBetween(4.0e6, 4.1e6);
        assertThat(first.y).isBetween(5.0e5, 5.4e5);
        assertThat(client.get("/ogc/collections/parcels/items?limit=3&crs=" + PLANAR).header("Content-Crs"))
                .isEqualTo("<" + PLANAR + ">");
        assertThat(link(client.get("/ogc/collections/parcels/items?limit=3&crs=" + PLANAR).json(), "next"))
                .contains("crs=" + PLANAR);
    }

    @Test
    void aBboxInAnotherCrsSelectsWhatItCoversThere() {
        // A box in EPSG:4548 (northing first) around one parcel's centre, 60 m a side.
        Parcel parcel = PARK.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE).findFirst()
                .orElseThrow();
        Coordinate centre = parcel.planar().getCentroid().getCoordinate();
        Geometry box = CrsTransform.PLANAR.toGeometry(new Envelope(centre.x - 30, centre.x + 30, centre.y - 30,
                centre.y + 30));
        Set<String> expected = new TreeSet<>();
        PARK.parcels().stream().filter(p -> p.planar().intersects(box)).forEach(p -> expected.add(p.id()));
        String bbox = (centre.y - 30) + "," + (centre.x - 30) + "," + (centre.y + 30) + "," + (centre.x + 30);
        assertThat(ids("/ogc/collections/parcels/items?limit=1000&bbox-crs=" + PLANAR + "&bbox=" + bbox))
                .contains(parcel.id()).isEqualTo(expected);
        // Sent easting first, as clients that ignore the axis order do, it is recognised (a northing is larger).
        String eastingFirst = (centre.x - 30) + "," + (centre.y - 30) + "," + (centre.x + 30) + "," + (centre.y + 30);
        assertThat(ids("/ogc/collections/parcels/items?limit=1000&bbox-crs=" + PLANAR + "&bbox=" + eastingFirst))
                .isEqualTo(expected);
        // The same box as EPSG:4490 (latitude first) and CRS84 numbers select the same as CRS84; so does EPSG:4490
        // sent longitude first (a latitude is never above 90).
        Set<String> inCrs84 = ids("/ogc/collections/parcels/items?limit=1000&bbox=117.205,36.742,117.215,36.750");
        assertThat(ids("/ogc/collections/parcels/items?limit=1000&bbox-crs=" + CGCS2000 + "&bbox=36.742,117.205,"
                + "36.750,117.215")).isNotEmpty().isEqualTo(inCrs84);
        assertThat(ids("/ogc/collections/parcels/items?limit=1000&bbox-crs=" + CGCS2000 + "&bbox=117.205,36.742,"
                + "117.215,36.750")).isEqualTo(inCrs84);
    }

    private static Geometry geometry(ServiceClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return GeoJson.readGeometry(reply.json().get("geometry"), new org.locationtech.jts.geom.GeometryFactory());
    }

    /** The geometry with its two axes swapped. */
    private static Geometry swapped(Geometry geometry) {
        return org.locationtech.jts.geom.util.AffineTransformation.reflectionInstance(0, 0, 1, 1).transform(geometry);
    }

    /** How far apart two outlines are at most, whatever the order of their vertices (discrete Hausdorff). */
    private static double distance(Geometry a, Geometry b) {
        return org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(a, b);
    }

    private int matched(String path) {
        ServiceClient.Reply reply = client.get(path);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.json().get("numberMatched").intValue();
    }

    private Set<String> ids(String path) {
        ServiceClient.Reply reply = client.get(path);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        reply.json().get("features").forEach(f -> ids.add(f.get("id").stringValue()));
        return ids;
    }

    /** The headers but Date (a clock) and Keep-Alive/Connection (the connection), names lower-cased. */
    private static java.util.Map<String, List<String>> comparableHeaders(ServiceClient.BinaryReply reply) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>();
        reply.headers().forEach((name, values) -> {
            String key = name.toLowerCase(java.util.Locale.ROOT);
            if (!Set.of("date", "keep-alive", "connection", ":status").contains(key)) {
                headers.put(key, values);
            }
        });
        return headers;
    }

    /** The body with an items page's {@code timeStamp} (the time of the answer) blanked. */
    private static String withoutTimeStamp(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"\"");
    }
}
