package org.qiluvalley.planner.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.PlanarGeoJson;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/parcels/density} over HTTP on the real application: the counts per cell equal counts the test makes
 * itself from the public items API (the centre of each parcel's EPSG:4548 bounding box, computed with JTS, floored to the grid), only
 * public data is there, a write through the API shows in the very next answer, and bad input is a 400 problem
 * detail. Each store runs the same tests ({@link DensityApiH2gisIT}, {@link DensityApiPostgisIT}).
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DensityApiContract {

    /** Around the park (centre about 117.22 E, 36.75 N) with room to spare. */
    static final String PARK_BBOX = "117.15,36.70,117.30,36.80";

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    Planning planning;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        planning = new Planning(anonymous);
    }

    /** Cell id to {available, availableAreaM2 (rounded to 0.01), unavailable}, counted by the test. */
    private Map<String, List<Double>> expectedCells(int cellSizeMetres) {
        Map<String, double[]> sums = new TreeMap<>();
        for (JsonNode parcel : Planning.allItems(anonymous, "parcels", "bbox=" + PARK_BBOX)) {
            Geometry planar = PlanarGeoJson.readPlanar(parcel.get("geometry"));
            // The centre of the parcel's EPSG:4548 bounding box decides its cell.
            Envelope box = planar.getEnvelopeInternal();
            String id = cellSizeMetres + ":" + (long) Math.floor(box.centre().getX() / cellSizeMetres) + ":"
                    + (long) Math.floor(box.centre().getY() / cellSizeMetres);
            double[] sum = sums.computeIfAbsent(id, k -> new double[3]);
            JsonNode p = parcel.get("properties");
            if (p.get("status").stringValue().equals("available")) {
                sum[0]++;
                sum[1] += p.get("areaM2").doubleValue();
            } else {
                assertThat(p.get("status").stringValue()).isEqualTo("unavailable");
                sum[2]++;
            }
        }
        Map<String, List<Double>> cells = new TreeMap<>();
        sums.forEach((id, s) -> cells.put(id, List.of(s[0], round2(s[1]), s[2])));
        return cells;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * Same cells with the same counts; the same available area to within the rounding of the items' areaM2 (each
     * rounded to 0.01 m²) and of the cell's sum.
     */
    private static void assertSameCells(Map<String, List<Double>> actual, Map<String, List<Double>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, counts) -> {
            List<Double> got = actual.get(id);
            assertThat(got.get(0)).as(id + " available").isEqualTo(counts.get(0));
            assertThat(got.get(2)).as(id + " unavailable").isEqualTo(counts.get(2));
            assertThat(got.get(1)).as(id + " available area m²").isCloseTo(counts.get(1),
                    org.assertj.core.data.Offset.offset(0.01 + 0.005 * counts.get(0)));
        });
    }

    private static Map<String, List<Double>> cellsOf(JsonNode density) {
        Map<String, List<Double>> cells = new TreeMap<>();
        for (JsonNode cell : density.get("features")) {
            JsonNode p = cell.get("properties");
            cells.put(cell.get("id").stringValue(), List.of(p.get("available").doubleValue(),
                    round2(p.get("availableAreaM2").doubleValue()), p.get("unavailable").doubleValue()));
        }
        return cells;
    }

    private JsonNode density(String bbox, double zoom) {
        ServiceClient.Reply reply = anonymous.get("/api/parcels/density?bbox=" + bbox + "&zoom=" + zoom);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/geo+json");
        return reply.json();
    }

    private long numberMatched(String query) {
        return anonymous.get("/ogc/collections/parcels/items?limit=1&" + query).json().get("numberMatched")
                .longValue();
    }

    @ParameterizedTest(name = "zoom {0}")
    @ValueSource(doubles = {15, 14, 13.75, 12, 10, 3})
    void countsPerCellEqualTheCountsOfTheItemsApi(double zoom) {
        JsonNode density = density(PARK_BBOX, zoom);
        int size = density.get("cellSizeMetres").intValue();
        int expectedSize = zoom >= 14 ? 250 : zoom >= 13 ? 500 : zoom >= 12 ? 1000 : zoom >= 11 ? 2000 : 4000;
        assertThat(size).isEqualTo(expectedSize);
        assertThat(density.get("gridCrs").stringValue()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4548");

        Map<String, List<Double>> expected = expectedCells(size);
        assertThat(expected).hasSizeGreaterThan(zoom >= 14 ? 20 : 0);
        assertSameCells(cellsOf(density), expected);
        assertThat(density.get("numberReturned").intValue()).isEqualTo(expected.size());

        long available = numberMatched("status=available");
        long unavailable = numberMatched("status=unavailable");
        JsonNode totals = density.get("totals");
        assertThat(totals.get("available").longValue()).isEqualTo(available);
        assertThat(totals.get("unavailable").longValue()).isEqualTo(unavailable);
        assertThat(totals.get("availableAreaHa").doubleValue())
                .isCloseTo(totals.get("availableAreaM2").doubleValue() / 10_000, org.assertj.core.data.Offset.offset(1e-3));
        // The park is the whole register of the seed: the register totals are the same.
        assertThat(density.get("register").get("available").longValue()).isEqualTo(available);
        assertThat(density.get("register").get("unavailable").longValue()).isEqualTo(unavailable);
        JsonNode registerBbox = density.get("registerBbox");
        assertThat(registerBbox.get(0).doubleValue()).isBetween(117.15, 117.25);
        assertThat(registerBbox.get(3).doubleValue()).isBetween(36.72, 36.80);
    }

    @Test
    void eachCellIsItsGridSquareInCrs84WithPublicCountsOnly() {
        JsonNode density = density(PARK_BBOX, 12);
        for (JsonNode cell : density.get("features")) {
            JsonNode p = cell.get("properties");
            assertThat(iterableNames(p)).containsExactlyInAnyOrder("column", "row", "available", "availableAreaM2",
                    "availableAreaHa", "unavailable");
            Geometry square = PlanarGeoJson.readPlanar(cell.get("geometry"));
            long column = p.get("column").longValue();
            long row = p.get("row").longValue();
            // Back in EPSG:4548 the cell is the 1 km square of its column and row, to a millimetre.
            assertThat(square.getArea()).isCloseTo(1_000_000, org.assertj.core.data.Offset.offset(1.0));
            assertThat(square.getEnvelopeInternal().getMinX()).isCloseTo(column * 1000.0,
                    org.assertj.core.data.Offset.offset(0.001));
            assertThat(square.getEnvelopeInternal().getMinY()).isCloseTo(row * 1000.0,
                    org.assertj.core.data.Offset.offset(0.001));
        }
    }

    private static List<String> iterableNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void aBboxOutsideTheGridsBandIsAnEmptyAnswerNotAnError() {
        JsonNode density = density("100.0,30.0,101.0,31.0", 12);
        assertThat(density.get("features")).isEmpty();
        assertThat(density.get("totals").get("available").longValue()).isZero();
    }

    @Test
    void aWriteThroughTheApiShowsInTheNextAnswer() {
        JsonNode before = density(PARK_BBOX, 10);
        long available = before.get("totals").get("available").longValue();
        long unavailable = before.get("totals").get("unavailable").longValue();

        // Withdrawn: no longer counted at all.
        String withdrawn = planning.takeAvailableParcel();
        double withdrawnArea = planning.parcel(withdrawn).json().get("properties").get("areaM2").doubleValue();
        planning.withdraw(withdrawn);
        JsonNode afterWithdraw = density(PARK_BBOX, 10);
        assertThat(afterWithdraw.get("totals").get("available").longValue()).isEqualTo(available - 1);
        assertThat(afterWithdraw.get("totals").get("unavailable").longValue()).isEqualTo(unavailable);
        assertThat(afterWithdraw.get("totals").get("availableAreaM2").doubleValue()).isCloseTo(
                before.get("totals").get("availableAreaM2").doubleValue() - withdrawnArea,
                org.assertj.core.data.Offset.offset(0.02));

        // Proposed for an allocation: reserved, so unavailable.
        String proposed = planning.takeAvailableParcel();
        planning.propose(proposed, "Density Test Lasers");
        JsonNode afterProposal = density(PARK_BBOX, 10);
        assertThat(afterProposal.get("totals").get("available").longValue()).isEqualTo(available - 2);
        assertThat(afterProposal.get("totals").get("unavailable").longValue()).isEqualTo(unavailable + 1);
        assertSameCells(cellsOf(afterProposal), expectedCells(4000));
    }

    @ParameterizedTest(name = "refused: {0}")
        @ValueSource(strings = {
            "",
            "?zoom=12",
            "?bbox=" + PARK_BBOX,
            "?bbox=" + PARK_BBOX + "&zoom=",
            "?bbox=" + PARK_BBOX + "&zoom=abc",
            "?bbox=" + PARK_BBOX + "&zoom=NaN",
            "?bbox=" + PARK_BBOX + "&zoom=Infinity",
            "?bbox=" + PARK_BBOX + "&zoom=-1",
            "?bbox=" + PARK_BBOX + "&zoom=25",
            "?bbox=117.15,36.70,117.30&zoom=12",
            "?bbox=117.15,36.70,117.30,36.80,1&zoom=12",
            "?bbox=a,b,c,d&zoom=12",
            "?bbox=117.30,36.70,117.15,36.80&zoom=12",
            "?bbox=117.15,36.80,117.30,36.70&zoom=12",
            "?bbox=117.15,-91,117.30,36.80&zoom=12",
            "?bbox=-181,36.70,117.30,36.80&zoom=12",
            "?bbox=" + PARK_BBOX + "&zoom=12&zoom=13",
            "?bbox=" + PARK_BBOX + "&zoom=12&limit=5",
            "?bbox=" + PARK_BBOX + "&zoom=12&status=reserved",
            // Too many cells: the whole band of EPSG:4548 in 250 m cells.
            "?bbox=115.5,30,118.5,40&zoom=14",
            "?bbox=115.5,-84,118.5,84&zoom=3",
        })
    void badInputIsA400ProblemDetail(String query) {
        ServiceClient.Reply reply = anonymous.get("/api/parcels/density" + query);
        assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").stringValue()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception");
    }

    @Test
    void aLargeBboxAtALowZoomIsServed() {
        JsonNode density = density("116,35,118.5,38.5", 9);
        assertThat(density.get("cellSizeMetres").intValue()).isEqualTo(4000);
        assertThat(density.get("totals").get("available").longValue())
                .isEqualTo(density.get("register").get("available").longValue());
    }

    @Test
    void theMapConfigurationNamesTheParcelZoomThreshold() {
        assertThat(anonymous.get("/api/map-config").json().get("parcelMinZoom").intValue()).isEqualTo(14);
    }

}
