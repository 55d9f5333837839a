package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.testsupport.Commands;
import org.qiluvalley.planner.testsupport.ExternalTools;
import org.qiluvalley.planner.testsupport.RequiresGdal;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDAL, the client most GIS tools use underneath, against the running service: every collection opens with GDAL's
 * OGC API Features driver ({@code OAPIF:}) as one layer with its one geometry type and every feature; an attribute
 * filter ({@code -where}) on each query parameter a collection's API definition lists selects what the API selects;
 * and the coordinates served in EPSG:4548, EPSG:3857 and EPSG:4490 agree with PROJ's transform of the CRS84 answer to
 * 1 cm, areas in EPSG:4548 to 0.01 m².
 */
@RequiresGdal
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OgcApiGdalIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FEATURE_COUNT = Pattern.compile("(?m)^Feature Count: (\\d+)$");
    private static final Pattern GEOMETRY = Pattern.compile("(?m)^Geometry: (.+)$");
    private static final Map<String, String> GEOMETRY_TYPES = Map.of("valley", "Polygon", "zones", "Multi Polygon",
            "parcels", "Polygon", "available-sites", "Polygon", "constraints", "Polygon", "roads", "Line String",
            "road-reserves", "Polygon", "places", "Point");
    private static final GeometryFactory UNTYPED = new GeometryFactory();

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-gdal-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    ServiceClient client;

    @BeforeEach
    void client() {
        client = new ServiceClient("http://localhost:" + port);
    }

    @Test
    void everyCollectionOpensAsOneLayerWithItsGeometryTypeAndEveryFeature() throws Exception {
        for (JsonNode collection : client.get("/ogc/collections").json().get("collections")) {
            String id = collection.get("id").stringValue();
            String summary = ogrinfo("-so", "OAPIF:" + client.base() + "/ogc/collections/" + id, id);
            assertThat(group(GEOMETRY, summary)).as(id).isEqualTo(GEOMETRY_TYPES.get(id));
            assertThat(Integer.parseInt(group(FEATURE_COUNT, summary))).as(id)
                    .isEqualTo(client.get("/ogc/collections/" + id + "/items").json().get("numberMatched").intValue());
        }
    }

    /**
     * {@code ogrinfo -where "name = value"} on every queryable of every collection (text, numbers, booleans), with
     * a value one of its features has: GDAL finds exactly the features of the API's answer that have it, whether it
     * sends the condition to the service (a query parameter or a CQL2 filter) or applies it to what it reads.
     */
    @Test
    void whereOnEveryQueryableSelectsWhatTheApiSelects() throws Exception {
        int checked = 0;
        for (JsonNode collection : client.get("/ogc/collections").json().get("collections")) {
            String id = collection.get("id").stringValue();
            JsonNode features = client.get("/ogc/collections/" + id + "/items?limit=1000").json().get("features");
            for (String name : client.get("/ogc/collections/" + id + "/queryables").json().get("properties")
                    .propertyNames()) {
                JsonNode sample = null;
                for (JsonNode feature : features) {
                    JsonNode value = feature.at("/properties/" + name);
                    if (sample == null && (value.isString() || value.isNumber() || value.isBoolean())) {
                        sample = value;
                    }
                }
                if (sample == null) {
                    continue; // the geometry, or a property no feature has a value of
                }
                long expected = 0;
                for (JsonNode feature : features) {
                    expected += sample.equals(feature.at("/properties/" + name)) ? 1 : 0;
                }
                String literal = sample.isString() ? "'" + sample.asString().replace("'", "''") + "'"
                        : sample.isBoolean() ? (sample.booleanValue() ? "1" : "0") : sample.asString();
                String summary = ogrinfo("-so", "-where", name + " = " + literal,
                        "OAPIF:" + client.base() + "/ogc/collections/" + id, id);
                assertThat(Long.parseLong(group(FEATURE_COUNT, summary))).as(id + " where " + name + " = " + literal)
                        .isEqualTo(expected).isPositive();
                checked++;
            }
        }
        assertThat(checked).as("queryables checked").isGreaterThanOrEqualTo(40);
    }

    @Test
    void coordinatesInEachCrsAgreeWithProjTo1Centimetre() throws Exception {
        for (String collection : List.of("parcels", "zones", "roads", "constraints", "valley")) {
            Path crs84 = work.resolve(collection + "-crs84.geojson");
            Files.write(crs84, client.getBytes("/ogc/collections/" + collection + "/items?limit=1000").body());
            compare(collection, crs84, "EPSG:4548", FeaturesApiContract.PLANAR, true, 0.01);
            compare(collection, crs84, "EPSG:3857", FeaturesApiContract.WEB_MERCATOR, false, 0.01);
            // 1e-7 degree is about 1 cm.
            compare(collection, crs84, "EPSG:4490", FeaturesApiContract.CGCS2000, true, 1e-7);
        }
    }

    @Test
    void ogrinfoOpensAGeoPackageDownloadWithEveryFeatureAndItsArea() throws Exception {
        for (String collection : List.of("parcels", "zones", "roads", "road-reserves")) {
            Path file = work.resolve(collection + ".gpkg");
            Files.write(file, client.getBytes("/ogc/collections/" + collection + "/items?f=gpkg").body());
            String summary = ogrinfo("-so", file.toString(), collection);
            assertThat(group(GEOMETRY, summary)).as(collection).isEqualTo(GEOMETRY_TYPES.get(collection));
            assertThat(Integer.parseInt(group(FEATURE_COUNT, summary))).as(collection).isEqualTo(
                    client.get("/ogc/collections/" + collection + "/items").json().get("numberMatched").intValue());
            assertThat(summary).as(collection).contains("ID[\"EPSG\",4548]]");
        }
        // The area GDAL measures of each parcel of the file is the areaM2 the API serves (rounded to 1 cm²).
        String listing = ogrinfo("-q", "-geom=NO", "-dialect", "OGRSQL", "-sql",
                "SELECT id, areaM2, OGR_GEOM_AREA AS gdal FROM parcels",
                work.resolve("parcels.gpkg").toString());
        Matcher rows = Pattern.compile("(?m)^\\s+areaM2 \\(Real\\) = (\\S+)\\n\\s+gdal \\(Real\\) = (\\S+)$")
                .matcher(listing);
        int compared = 0;
        while (rows.find()) {
            assertThat(Double.parseDouble(rows.group(2))).isCloseTo(Double.parseDouble(rows.group(1)),
                    org.assertj.core.data.Offset.offset(0.01));
            compared++;
        }
        assertThat(compared).isEqualTo(
                client.get("/ogc/collections/parcels/items").json().get("numberMatched").intValue());
    }

    /**
     * GDAL's transform of the CRS84 answer against ours in {@code crsUri}. GDAL writes GeoJSON in the traditional GIS
     * order (easting or longitude first); the API answers in the CRS's own, so {@code swapped} says to swap ours.
     */
    private void compare(String collection, Path crs84, String gdalCrs, String crsUri, boolean swapped,
            double tolerance) throws Exception {
        Path projected = work.resolve(collection + "-" + gdalCrs.replace(':', '-') + ".geojson");
        Commands.run(List.of(ExternalTools.Gdal.OGR2OGR.toString(), "-f", "GeoJSON", "-t_srs", gdalCrs, "-lco",
                "RFC7946=NO", "-lco", "COORDINATE_PRECISION=9", projected.toString(), crs84.toString()));
        Map<String, Geometry> byGdal = geometries(JSON.readTree(projected.toFile()));
        Map<String, Geometry> ours = geometries(client.get("/ogc/collections/" + collection + "/items?limit=1000&crs="
                + crsUri).json());
        assertThat(ours.keySet()).as(collection + " in " + gdalCrs).isEqualTo(byGdal.keySet());
        AffineTransformation swap = AffineTransformation.reflectionInstance(0, 0, 1, 1);
        Map<String, Double> areas = new LinkedHashMap<>();
        for (JsonNode feature : JSON.readTree(crs84.toFile()).get("features")) {
            if (feature.at("/properties/areaM2").isNumber()) {
                areas.put(feature.get("id").asString(), feature.at("/properties/areaM2").doubleValue());
            }
        }
        ours.forEach((id, geometry) -> {
            Geometry comparable = swapped ? swap.transform(geometry) : geometry;
            assertThat(DiscreteHausdorffDistance.distance(comparable, byGdal.get(id)))
                    .as(collection + " " + id + " in " + gdalCrs).isLessThan(tolerance);
            if (gdalCrs.equals("EPSG:4548")) {
                // Each coordinate is rounded to 1 mm (ours) or 1e-8 degree (the CRS84 GDAL started from): the areas
                // may differ by about the perimeter times a millimetre, no more.
                double slack = byGdal.get(id).getLength() * 0.002;
                assertThat(comparable.getArea()).as(collection + " " + id + " area in EPSG:4548, m²")
                        .isCloseTo(byGdal.get(id).getArea(), org.assertj.core.data.Offset.offset(slack));
                if (areas.containsKey(id)) {
                    assertThat(areas.get(id)).as(collection + " " + id + " areaM2 against GDAL's area, m²")
                            .isCloseTo(byGdal.get(id).getArea(), org.assertj.core.data.Offset.offset(slack));
                }
            }
        });
    }

    private static Map<String, Geometry> geometries(JsonNode featureCollection) {
        Map<String, Geometry> geometries = new LinkedHashMap<>();
        for (JsonNode feature : featureCollection.get("features")) {
            String id = feature.has("id") ? feature.get("id").asString() : feature.at("/properties/id").asString();
            geometries.put(id, GeoJson.readGeometry(feature.get("geometry"), UNTYPED));
        }
        return geometries;
    }

    private String ogrinfo(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(ExternalTools.Gdal.OGRINFO.toString());
        command.add("-ro");
        command.addAll(List.of(arguments));
        return Commands.run(command);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
        return matcher.group(1).strip();
    }
}
