package org.qiluvalley.planner.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.parcel.Place;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The places investors measure sites against, through the API: the public {@code places} collection of the OGC API
 * (listed, its items, one by id, its queryables, its HTML page) loaded from {@code gis-data/places.geojson}, and the
 * straight-line distances to them in the planning-conditions letter, checked against the parcel and the places as
 * the API serves them in EPSG:4548 (northing, easting).
 *
 * <p>Each store runs the same tests: {@link PlacesApiH2gisIT}, {@link PlacesApiPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PlacesApiContract {

    private static final String PLANAR = "http://www.opengis.net/def/crs/EPSG/0/4548";
    private static final ParkDataset PLACES = ParkData.places();
    private static final GeometryFactory PLANAR_FACTORY = new GeometryFactory();

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    Planning planning;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        planning = new Planning(anonymous);
    }

    @Test
    void thePlacesCollectionIsListedWithAnExtentFromTheStationToTheAirport() {
        JsonNode places = null;
        for (JsonNode collection : anonymous.get("/ogc/collections").json().get("collections")) {
            if (collection.get("id").stringValue().equals("places")) {
                places = collection;
            }
        }
        assertThat(places).as("places in /ogc/collections").isNotNull();
        JsonNode bbox = places.at("/extent/spatial/bbox/0");
        assertThat(bbox.get(0).doubleValue()).isCloseTo(117.154, within(1e-6));
        assertThat(bbox.get(3).doubleValue()).isCloseTo(36.8572, within(1e-6));
        assertThat(anonymous.get("/ogc/collections/places").json().get("title").stringValue()).isEqualTo("Places");
    }

    @Test
    void itsItemsArePointsWithKindNamesAndSourceInTheirFileOrder() {
        ServiceClient.Reply reply = anonymous.get("/ogc/collections/places/items");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/geo+json");
        JsonNode features = reply.json().get("features");
        assertThat(reply.json().get("numberMatched").intValue()).isEqualTo(PLACES.places().size()).isEqualTo(4);
        List<String> ids = new ArrayList<>();
        for (JsonNode feature : features) {
            ids.add(feature.get("id").stringValue());
            assertThat(feature.at("/geometry/type").stringValue()).isEqualTo("Point");
            Set<String> names = new TreeSet<>(feature.get("properties").propertyNames());
            assertThat(names).containsExactly("kind", "nameEn", "nameZh", "source");
            // Short enough for a LIKE pattern of the filter language (at most 128 characters): the full citation is
            // in gis-data/README.md.
            assertThat(feature.at("/properties/source").stringValue()).isNotBlank().hasSizeLessThanOrEqualTo(120);
        }
        assertThat(ids).containsExactly("jinan-yaoqiang-airport", "jinan-east-station", "expressway-interchange",
                "park-service-centre");

        JsonNode airport = anonymous.get("/ogc/collections/places/items/jinan-yaoqiang-airport").json();
        assertThat(airport.at("/properties/nameZh").stringValue()).isEqualTo("济南遥墙国际机场");
        assertThat(airport.at("/properties/kind").stringValue()).isEqualTo("airport");
        assertThat(airport.at("/geometry/coordinates/0").doubleValue()).isCloseTo(117.216, within(1e-9));
        assertThat(airport.at("/geometry/coordinates/1").doubleValue()).isCloseTo(36.8572, within(1e-9));
        assertThat(anonymous.get("/ogc/collections/places/items/nowhere").status()).isEqualTo(404);

        assertThat(anonymous.get("/ogc/collections/places/items?kind=railway-station").json().get("features"))
                .singleElement().satisfies(f -> assertThat(f.get("id").stringValue()).isEqualTo("jinan-east-station"));
        assertThat(anonymous.get("/ogc/collections/places/items?filter=kind%20%3D%20%27airport%27").json()
                .get("numberMatched").intValue()).isEqualTo(1);
        JsonNode queryables = anonymous.get("/ogc/collections/places/queryables").json().get("properties");
        assertThat(queryables.propertyNames()).containsExactly("geometry", "kind", "nameEn", "nameZh", "source");
        assertThat(anonymous.get("/ogc/collections/places/items?filter=" + java.net.URLEncoder.encode(
                "source LIKE 'approximate, placed by hand%'", java.nio.charset.StandardCharsets.UTF_8)).json()
                .get("numberMatched").intValue()).as("hand-placed positions").isEqualTo(2);
        assertThat(queryables.at("/geometry/format").stringValue()).isEqualTo("geometry-point");
        List<String> kinds = new ArrayList<>();
        anonymous.get("/ogc/api").json().at("/components/parameters/places.kind/schema/enum")
                .forEach(k -> kinds.add(k.stringValue()));
        assertThat(kinds).as("the kinds the API definition lists").containsExactlyElementsOf(Place.KINDS);

        ServiceClient.Reply html = anonymous.get("/ogc/collections/places/items?f=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("济南遥墙国际机场", "Jinan East railway station");
    }

    @Test
    void theConditionsJsonHasTheStraightLineDistanceFromTheOutlineToEveryPlace() {
        String id = planning.takeAvailableParcel();
        JsonNode letter = anonymous.get("/api/parcels/" + id + "/conditions").json();
        JsonNode distances = letter.get("distances");
        assertThat(distances).hasSize(PLACES.places().size());

        // The parcel and the places as the API serves them in EPSG:4548, [northing, easting].
        Polygon outline = outline(anonymous.get("/ogc/collections/parcels/items/" + id + "?crs=" + PLANAR).json());
        for (int i = 0; i < distances.size(); i++) {
            JsonNode distance = distances.get(i);
            Place place = PLACES.places().get(i);
            assertThat(new TreeSet<>(distance.propertyNames())).containsExactly("km", "nameEn", "nameZh", "place");
            assertThat(distance.get("place").stringValue()).isEqualTo(place.id());
            assertThat(distance.get("nameZh").stringValue()).isEqualTo(place.nameZh());
            assertThat(distance.get("nameEn").stringValue()).isEqualTo(place.nameEn());
            JsonNode position = anonymous.get("/ogc/collections/places/items/" + place.id() + "?crs=" + PLANAR)
                    .json().at("/geometry/coordinates");
            Point served = PLANAR_FACTORY.createPoint(new Coordinate(position.get(1).doubleValue(),
                    position.get(0).doubleValue()));
            double metres = outline.distance(served);
            assertThat(distance.get("km").doubleValue()).as("%s to %s", id, place.id())
                    .isCloseTo(metres / 1000, within(0.00006));
            // From the outline, not the centroid: never farther than the centroid's distance.
            assertThat(distance.get("km").doubleValue() * 1000)
                    .isLessThanOrEqualTo(outline.getCentroid().distance(served) + 0.06);
        }
        // The airport is north of the park, about 11 to 12 km.
        assertThat(distances.get(0).get("km").doubleValue()).isBetween(9.0, 14.0);

        String html = anonymous.get("/api/parcels/" + id + "/conditions?f=html").body();
        assertThat(html).contains("直线距离", "Distances (straight line)", "济南遥墙国际机场",
                String.format(java.util.Locale.ROOT, "%.2f km", distances.get(0).get("km").doubleValue()));
    }

    @Test
    void aPlannersDraftLetterHasTheDistancesToo() {
        String id = planning.takeAvailableParcel();
        planning.propose(id, "Distance Test Optics Co.");
        JsonNode draft = planning.planner().get("/api/parcels/" + id + "/conditions").json();
        assertThat(draft.get("draft").booleanValue()).isTrue();
        assertThat(draft.get("distances")).hasSize(PLACES.places().size());
    }

    private static Polygon outline(JsonNode feature) {
        JsonNode ring = feature.at("/geometry/coordinates/0");
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            coordinates[i] = new Coordinate(ring.get(i).get(1).doubleValue(), ring.get(i).get(0).doubleValue());
        }
        return PLANAR_FACTORY.createPolygon(coordinates);
    }
}
