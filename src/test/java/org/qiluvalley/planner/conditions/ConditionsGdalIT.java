package org.qiluvalley.planner.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Commands;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.RequiresGdal;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The letter's numbers against an independent engine: GDAL measures the polygon of the boundary-point table
 * (EPSG:4548, GEOS's area) and projects its points to longitude and latitude with PROJ, which must fall on the
 * parcel's vertices as the service serves them in CRS84. Areas to 0.01 m², positions to about a centimetre.
 */
@RequiresGdal
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConditionsGdalIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern AREA = Pattern.compile("(?m)^\\s+area_m2 \\(Real\\) = (.+)$");
    /** 1e-7 degrees: about 1.1 cm of latitude, 0.9 cm of longitude at Jinan. */
    private static final double DEGREES_TOLERANCE = 1.2e-7;

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-conditions-gdal-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    @Test
    void theBoundaryPointsAreaAndPositionsAgreeWithGdal() throws Exception {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        Planning planning = new Planning(client);
        for (int n = 0; n < 3; n++) {
            String id = planning.takeAvailableParcel();
            JsonNode letter = client.get("/api/parcels/" + id + "/conditions").json();
            JsonNode points = letter.get("boundaryPoints");

            StringBuilder ring = new StringBuilder();
            for (int i = 0; i <= points.size(); i++) {
                JsonNode p = points.get(i % points.size());
                ring.append(i == 0 ? "" : ",").append('[').append(p.get("easting").doubleValue()).append(',')
                        .append(p.get("northing").doubleValue()).append(']');
            }
            Path table = work.resolve(id + "-4548.geojson");
            Files.writeString(table, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                    + "{\"name\":\"urn:ogc:def:crs:EPSG::4548\"}},\"features\":[{\"type\":\"Feature\",\"properties\":"
                    + "{\"id\":\"" + id + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring
                    + "]]}}]}");
            String layer = id + "-4548";
            String listing = Commands.run(List.of(ExternalTools.Gdal.OGRINFO.toString(), "-ro", "-q", "-geom=NO",
                    "-sql", "SELECT OGR_GEOM_AREA AS area_m2 FROM \"" + layer + "\"", table.toString()));
            Matcher area = AREA.matcher(listing);
            assertThat(area.find()).as(listing).isTrue();
            assertThat(Double.parseDouble(area.group(1).trim())).as("GEOS area of the table of %s", id)
                    .isCloseTo(letter.get("areaM2").doubleValue(), within(0.01));

            Path lonLat = work.resolve(id + "-crs84.geojson");
            Commands.run(List.of(ExternalTools.Gdal.OGR2OGR.toString(), "-f", "GeoJSON", "-t_srs", "EPSG:4326",
                    "-lco", "COORDINATE_PRECISION=9", lonLat.toString(), table.toString()));
            JsonNode projected = JSON.readTree(lonLat.toFile()).at("/features/0/geometry/coordinates/0");
            JsonNode served = client.get("/ogc/collections/parcels/items/" + id).json().at("/geometry/coordinates/0");
            for (JsonNode position : projected) {
                double lon = position.get(0).doubleValue();
                double lat = position.get(1).doubleValue();
                boolean onAVertex = false;
                for (JsonNode vertex : served) {
                    onAVertex |= Math.abs(vertex.get(0).doubleValue() - lon) < DEGREES_TOLERANCE
                            && Math.abs(vertex.get(1).doubleValue() - lat) < DEGREES_TOLERANCE;
                }
                assertThat(onAVertex).as("PROJ's %s, %s for a boundary point of %s is a served vertex", lon, lat, id)
                        .isTrue();
            }
        }
    }
}
