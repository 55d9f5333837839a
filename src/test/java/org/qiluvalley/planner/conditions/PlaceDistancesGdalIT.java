package org.qiluvalley.planner.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Commands;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.ParkData;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.RequiresGdal;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The letter's distances against an independent engine: every available site's outline as the service serves it in
 * CRS84 and every place as {@code gis-data/places.geojson} gives it are projected to EPSG:4548 by GDAL ({@code ogr2ogr
 * -t_srs}, PROJ), and the distance from each outline to each place is measured by SpatiaLite (GEOS) in
 * {@code ogrinfo -dialect SQLite}; the letter's {@code km} agrees within 0.1% (or 0.06 m for a place a few metres
 * away, the letter's rounding to 0.1 m).
 */
@RequiresGdal
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaceDistancesGdalIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROW = Pattern.compile(
            "(?m)^\\s+parcel \\(String\\) = (\\S+)\\s+place \\(String\\) = (\\S+)\\s+metres \\(Real\\) = (\\S+)$");

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-distances-gdal-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    @Test
    void everyAvailableSitesDistancesAgreeWithProjAndGeosWithinATenthOfAPercent() throws Exception {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        List<JsonNode> sites = Planning.allItems(client, "available-sites");
        assertThat(sites).hasSizeGreaterThan(100);

        // One CRS84 file: the sites' outlines as served, and the places from the seed file itself.
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (JsonNode site : sites) {
            features.addObject().put("type", "Feature").set("properties", JSON.createObjectNode()
                    .put("id", site.get("id").stringValue()).put("role", "parcel"));
            ((ObjectNode) features.get(features.size() - 1)).set("geometry", site.get("geometry"));
        }
        for (JsonNode place : JSON.readTree(ParkData.DIR.resolve("places.geojson").toFile()).get("features")) {
            features.addObject().put("type", "Feature").set("properties", JSON.createObjectNode()
                    .put("id", place.get("id").stringValue()).put("role", "place"));
            ((ObjectNode) features.get(features.size() - 1)).set("geometry", place.get("geometry"));
        }
        Path crs84 = work.resolve("sites-crs84.geojson");
        Files.writeString(crs84, JSON.writeValueAsString(collection));
        Path planar = work.resolve("sites.geojson");
        Commands.run(List.of(ExternalTools.Gdal.OGR2OGR.toString(), "-f", "GeoJSON", "-t_srs", "EPSG:4548",
                "-nln", "sites", "-lco", "COORDINATE_PRECISION=4", planar.toString(), crs84.toString()));
        String listing = Commands.run(List.of(ExternalTools.Gdal.OGRINFO.toString(), "-ro", "-q", "-geom=NO",
                "-dialect", "SQLite", "-sql", "SELECT a.id AS parcel, b.id AS place, "
                        + "ST_Distance(a.geometry, b.geometry) AS metres FROM sites a, sites b "
                        + "WHERE a.role = 'parcel' AND b.role = 'place'",
                planar.toString()));
        Map<String, Double> gdalMetres = new HashMap<>();
        Matcher row = ROW.matcher(listing);
        while (row.find()) {
            gdalMetres.put(row.group(1) + " " + row.group(2), Double.parseDouble(row.group(3)));
        }
        assertThat(gdalMetres).as(listing.length() > 2000 ? listing.substring(0, 2000) : listing)
                .hasSize(sites.size() * 4);

        int compared = 0;
        for (JsonNode site : sites) {
            String id = site.get("id").stringValue();
            for (JsonNode distance : client.get("/api/parcels/" + id + "/conditions").json().get("distances")) {
                String key = id + " " + distance.get("place").stringValue();
                assertThat(gdalMetres).containsKey(key);
                double expectedKm = gdalMetres.get(key) / 1000;
                double km = distance.get("km").doubleValue();
                assertThat(Math.abs(km - expectedKm)).as("%s: the letter says %s km, GDAL/PROJ + GEOS %s km", key, km,
                        expectedKm).isLessThanOrEqualTo(Math.max(0.001 * expectedKm, 0.00006));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(sites.size() * 4);
    }
}
