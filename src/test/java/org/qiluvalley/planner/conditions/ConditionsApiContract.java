package org.qiluvalley.planner.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The planning-conditions letter through the API: its JSON checked against the parcel as served in EPSG:4548 (the
 * boundary points are its vertices, clockwise from the north-west corner; their shoelace area is {@code areaM2}
 * within 0.01 m²), its HTML and PDF (text read back from the PDF), and who may read which letter.
 *
 * <p>Each store runs the same tests: {@link ConditionsApiH2gisIT}, {@link ConditionsApiPostgisIT}.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConditionsApiContract {

    private static final String PLANAR_QUERY = "?crs=http://www.opengis.net/def/crs/EPSG/0/4548";

    @LocalServerPort
    int port;

    ServiceClient anonymous;
    ServiceClient planner;
    Planning planning;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient("http://localhost:" + port);
        planning = new Planning(anonymous);
        planner = planning.planner();
    }

    private static double shoelace(JsonNode points) {
        double twice = 0;
        double n0 = points.get(0).get("northing").doubleValue();
        double e0 = points.get(0).get("easting").doubleValue();
        for (int i = 0; i < points.size(); i++) {
            JsonNode a = points.get(i);
            JsonNode b = points.get((i + 1) % points.size());
            twice += (a.get("easting").doubleValue() - e0) * (b.get("northing").doubleValue() - n0)
                    - (b.get("easting").doubleValue() - e0) * (a.get("northing").doubleValue() - n0);
        }
        return twice / 2;
    }

    @Test
    void theJsonLetterOfAnAvailableSiteStatesItsAreaAndBoundaryPointsExactly() {
        String id = planning.takeAvailableParcel();
        ServiceClient.Reply reply = anonymous.get("/api/parcels/" + id + "/conditions");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode letter = reply.json();
        assertThat(letter.get("parcelId").stringValue()).isEqualTo(id);
        assertThat(letter.get("draft").booleanValue()).isFalse();
        assertThat(letter.has("status")).as("the public letter has no status").isFalse();
        double areaM2 = letter.get("areaM2").doubleValue();
        assertThat(letter.get("areaMu").doubleValue()).isEqualTo(Math.round(areaM2 * 15 / 10_000 * 100) / 100.0);
        assertThat(letter.get("areaHa").doubleValue()).isCloseTo(areaM2 / 10_000, within(0.00006));
        assertThat(letter.get("crs").stringValue()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4548");
        assertThat(letter.at("/landUse/nameZh").stringValue()).isNotBlank();
        assertThat(letter.at("/leaseTerm/maxYears").intValue()).isEqualTo(50);
        assertThat(letter.at("/leaseTerm/source").stringValue()).contains("国务院令第55号");
        assertThat(letter.at("/pledges/investmentWanYuanPerMuMin").doubleValue()).isPositive();
        assertThat(letter.get("indicators")).hasSize(5);
        assertThat(letter.get("adjoining")).isNotEmpty();
        List<String> sides = new ArrayList<>();
        letter.get("adjoining").forEach(a -> sides.add(a.get("side").stringValue()));
        assertThat(sides).contains("north", "east", "south", "west");

        for (JsonNode line : letter.get("controlLines")) {
            String relation = line.get("relation").stringValue();
            assertThat(relation).isIn("inside", "overlaps", "outside");
            if (!relation.equals("outside")) {
                assertThat(line.get("distanceMetres").doubleValue()).as("%s", line).isZero();
            }
            assertThat(line.get("distanceMetres").doubleValue()).isLessThanOrEqualTo(200);
        }

        JsonNode points = letter.get("boundaryPoints");
        // Clockwise on a north-up map: negative signed area with x easting and y northing.
        double signed = shoelace(points);
        assertThat(signed).as("clockwise").isNegative();
        assertThat(Math.abs(signed)).isCloseTo(areaM2, within(0.01));
        assertThat(points.get(0).get("name").stringValue()).isEqualTo("J1");

        // The points are the parcel's vertices as served in EPSG:4548 ([northing, easting]), to 0.01 m.
        JsonNode ring = planner.get("/ogc/collections/parcels/items/" + id + PLANAR_QUERY).json()
                .at("/geometry/coordinates/0");
        List<Coordinate> served = new ArrayList<>();
        ring.forEach(p -> served.add(new Coordinate(p.get(1).doubleValue(), p.get(0).doubleValue())));
        assertThat(points.size()).isEqualTo(served.size() - 1);
        for (JsonNode point : points) {
            Coordinate c = new Coordinate(point.get("easting").doubleValue(), point.get("northing").doubleValue());
            assertThat(served.stream().anyMatch(s -> s.distance(c) < 0.006)).as("%s is a vertex", point).isTrue();
        }
        // J1 is the vertex nearest the north-west corner of the extent.
        double minEasting = served.stream().mapToDouble(s -> s.x).min().orElseThrow();
        double maxNorthing = served.stream().mapToDouble(s -> s.y).max().orElseThrow();
        double j1 = Math.hypot(points.get(0).get("easting").doubleValue() - minEasting,
                points.get(0).get("northing").doubleValue() - maxNorthing);
        for (Coordinate s : served) {
            assertThat(Math.hypot(s.x - minEasting, s.y - maxNorthing)).isGreaterThanOrEqualTo(j1 - 0.006);
        }
    }

    @Test
    void theHtmlLetterIsAPrintablePageAndThePdfCarriesSearchableChineseText() throws IOException {
        String id = planning.takeAvailableParcel();
        double areaMu = anonymous.get("/api/parcels/" + id + "/conditions").json().get("areaMu").doubleValue();

        ServiceClient.Reply html = anonymous.get("/api/parcels/" + id + "/conditions?f=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("规划条件", id, "J1", "<svg", "@page", "print-letter");
        ServiceClient.BinaryReply browser = anonymous.getBytes("/api/parcels/" + id + "/conditions",
                "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(browser.header("Content-Type")).startsWith("text/html");

        ServiceClient.BinaryReply pdf = anonymous.getBytes("/api/parcels/" + id + "/conditions?f=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, within(1f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(id, "规划条件", String.format(java.util.Locale.ROOT, "%.2f", areaMu));
        }
    }

    @Test
    void thePublicReadsAvailableSitesOnlyAndPlannersGetDrafts() {
        String id = planning.takeAvailableParcel();
        planning.propose(id, "Letter Test Optics Co.");
        ServiceClient.Reply hidden = anonymous.get("/api/parcels/" + id + "/conditions");
        ServiceClient.Reply unknown = anonymous.get("/api/parcels/QOV-NO-SUCH/conditions");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(hidden.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(hidden.json().get("detail").stringValue().replace(id, "X"))
                .isEqualTo(unknown.json().get("detail").stringValue().replace("QOV-NO-SUCH", "X"));
        assertThat(anonymous.get("/api/parcels/" + id + "/conditions?f=pdf").status()).isEqualTo(404);

        JsonNode draft = planner.get("/api/parcels/" + id + "/conditions").json();
        assertThat(draft.get("draft").booleanValue()).isTrue();
        assertThat(draft.get("status").stringValue()).isEqualTo("reserved");
        assertThat(planner.get("/api/parcels/" + id + "/conditions?f=html").body()).contains("草稿");
    }

    @Test
    void anUnknownFormatIsA400() {
        String id = planning.takeAvailableParcel();
        ServiceClient.Reply reply = anonymous.get("/api/parcels/" + id + "/conditions?f=docx");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }
}
