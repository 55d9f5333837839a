package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qiluvalley.planner.testsupport.Commands.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.testsupport.Commands.Result;
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
 * GDAL as an independent client of the tiles, on the real application (embedded store, seed data): it opens a tile by
 * its {@code .mvt} URL and finds the parcels the GeoJSON items give for that area; it reads our tile matrix set
 * definition and cuts a raster on the very grid our tiles use; and its OGCAPI driver follows the links from a
 * collection to the tilesets, the tileset and the tile matrix set.
 *
 * <p>What GDAL 3.6 (Debian 12's 3.6.2) can and cannot do, read from its source and measured here:
 * <ul>
 * <li>{@code ogrinfo /vsicurl/<tile>.mvt} opens a tile with the MVT driver, which goes by the extension. The driver
 * reads {@code .../{z}/{x}/{y}.mvt} from the path to georeference it, but OGC's order is
 * {@code {tileMatrix}/{tileRow}/{tileCol}}: the tile's address is given with {@code -oo Z= -oo X= -oo Y=}.</li>
 * <li>{@code ogrinfo OGCAPI:<collection> -oo API=TILES} fetches the collection, follows its
 * {@code tilesets-vector} link (type {@code application/json}, nothing else), the tileset list's {@code self} link,
 * the tileset's {@code tiling-scheme} and {@code item} ({@code application/vnd.mapbox-vector-tile}, templated) links,
 * and parses the tile matrix set with its 1.0 reader ({@code identifier}, {@code supportedCRS},
 * {@code topLeftCorner}). In Debian's 3.6.2 build the driver's vector-tile branch is compiled out (it sits under
 * {@code #ifdef OGR_ENABLE_DRIVER_GML}, which that build does not pass to the driver: its strings, e.g.
 * {@code vectorType}, are absent from libgdal), so the open then ends without a layer and without an error.
 * Where the branch is built, GDAL takes the collection's CRS84 bounding box as coordinates of the tile matrix set's
 * CRS: the area must be given in EPSG:3857 metres ({@code -oo MINX= ... -oo MAXY=}). This test gives it, and reads
 * the parcels through the driver when the installed GDAL yields layers.</li>
 * </ul>
 */
@RequiresGdal
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OgcApiTilesGdalIT {

    private static final Path OGRINFO = ExternalTools.Gdal.OGRINFO;
    private static final Path GDAL_CREATE = OGRINFO.resolveSibling("gdal_create");
    private static final Path GDAL_TRANSLATE = OGRINFO.resolveSibling("gdal_translate");
    private static final Path GDALINFO = OGRINFO.resolveSibling("gdalinfo");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID_FIELD = Pattern.compile("^\\s+id \\(String\\) = (.*)$");
    private static final Pattern FETCH = Pattern.compile("HTTP: Fetch\\((.*)\\)");
    private static final String NUMBER = "(-?[0-9.]+(?:e[-+]?\\d+)?)";
    private static final Pattern EXTENT = Pattern.compile(
            "Extent: \\(" + NUMBER + ", " + NUMBER + "\\) - \\(" + NUMBER + ", " + NUMBER + "\\)");

    /** The z15 tile over the middle of the park (117.215 E, 36.748 N): {z, row, column}. */
    private static final int[] TILE = Tiles.at(15, 117.215, 36.748);

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-tiles-gdal-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    ServiceClient client;
    String ogc;

    @BeforeEach
    void client() {
        client = new ServiceClient("http://127.0.0.1:" + port);
        ogc = client.base() + "/ogc";
    }

    @Test
    void gdalOpensATileByItsMvtUrlAndFindsTheParcelsOfTheItemsThere() throws Exception {
        String url = ogc + "/collections/parcels/tiles/WebMercatorQuad/" + TILE[0] + "/" + TILE[1] + "/" + TILE[2]
                + ".mvt";
        Result ogrinfo = execute(List.of(OGRINFO.toString(), "-ro", "-al", "-geom=NO", "/vsicurl/" + url,
                "-oo", "Z=" + TILE[0], "-oo", "X=" + TILE[2], "-oo", "Y=" + TILE[1]));
        assertThat(ogrinfo.exit()).as(ogrinfo.err()).isZero();
        assertThat(ogrinfo.out()).contains("using driver `MVT' successful").contains("Layer name: parcels");

        TileRequest tile = new TileRequest("parcels", Layer.PARCELS, Map.of(), Map.of(), TILE[0], TILE[2], TILE[1],
                false);
        // Georeferenced as our tile: the features lie in the tile and its 1/64 buffer, in EPSG:3857 metres.
        Envelope buffered = new Envelope(tile.mercatorBounds());
        buffered.expandBy(tile.mercatorBounds().getWidth() * TileRequest.BUFFER / TileRequest.EXTENT + 0.01);
        Matcher extent = EXTENT.matcher(ogrinfo.out());
        assertThat(extent.find()).as(ogrinfo.out()).isTrue();
        assertThat(buffered.contains(new Envelope(Double.parseDouble(extent.group(1)),
                Double.parseDouble(extent.group(3)), Double.parseDouble(extent.group(2)),
                Double.parseDouble(extent.group(4))))).as(extent.group()).isTrue();

        assertTheParcelsOfTheItems(ids(ogrinfo.out()), tile);
    }

    @Test
    void gdalReadsOurTileMatrixSetAndCutsOnTheGridOfOurTiles() throws Exception {
        Path tms = work.resolve("WebMercatorQuad.json");
        Files.writeString(tms, client.get("/ogc/tileMatrixSets/WebMercatorQuad").body(), StandardCharsets.UTF_8);
        // A small raster at the park's centre, upper-left corner at 117.215 E, 36.748 N, in EPSG:3857 metres.
        double[] corner = mercator(117.215, 36.748);
        Path source = work.resolve("park.tif");
        Path cog = work.resolve("park-cog.tif");
        Result create = execute(List.of(GDAL_CREATE.toString(), "-of", "GTiff", "-outsize", "20", "20", "-bands", "1",
                "-a_srs", "EPSG:3857", "-a_ullr", Double.toString(corner[0]), Double.toString(corner[1]),
                Double.toString(corner[0] + 200), Double.toString(corner[1] - 200), source.toString()));
        assertThat(create.exit()).as(create.err()).isZero();
        Result translate = execute(List.of(GDAL_TRANSLATE.toString(), "-q", "-of", "COG", "-co", "TILING_SCHEME=" + tms,
                "-co", "ZOOM_LEVEL=" + TILE[0], source.toString(), cog.toString()));
        assertThat(translate.exit()).as(translate.err()).isZero();
        assertThat(translate.err()).doesNotContain("ERROR");

        Result info = execute(List.of(GDALINFO.toString(), "-json", cog.toString()));
        assertThat(info.exit()).as(info.err()).isZero();
        JsonNode geoTransform = JSON.readTree(info.out()).get("geoTransform");
        double cellSize = WebMercatorQuad.cellSizeMetres(TILE[0]);
        double tileSide = cellSize * WebMercatorQuad.TILE_SIZE_PIXELS;
        // GDAL's one tile is ours: same pixel size, and its corner is the corner of our tile at that point.
        assertThat(geoTransform.get(1).doubleValue()).isCloseTo(cellSize, within(1e-9));
        assertThat(geoTransform.get(5).doubleValue()).isCloseTo(-cellSize, within(1e-9));
        assertThat(geoTransform.get(0).doubleValue())
                .isCloseTo(-WebMercatorQuad.HALF_SIDE_METRES + TILE[2] * tileSide, within(1e-6));
        assertThat(geoTransform.get(3).doubleValue())
                .isCloseTo(WebMercatorQuad.HALF_SIDE_METRES - TILE[1] * tileSide, within(1e-6));
    }

    @Test
    void gdalsOgcApiDriverFollowsTheLinksFromTheCollectionToTheTiles() throws Exception {
        JsonNode collection = client.get("/ogc/collections/parcels").json();
        assertThat(collection.get("links").toString()).as("the collection's links: GDAL finds the tiles only through "
                + "a " + TileLinks.REL_TILESETS_VECTOR + " link of type application/json (TileLinks.collection)")
                .contains("\"rel\":\"" + TileLinks.REL_TILESETS_VECTOR + "\",\"type\":\"application/json\"");
        JsonNode bbox = collection.at("/extent/spatial/bbox/0");
        double[] lowerLeft = mercator(bbox.get(0).doubleValue(), bbox.get(1).doubleValue());
        double[] upperRight = mercator(bbox.get(2).doubleValue(), bbox.get(3).doubleValue());
        List<String> open = new ArrayList<>(List.of("OGCAPI:" + ogc + "/collections/parcels", "-oo", "API=TILES",
                "-oo", "TILEMATRIXSET=WebMercatorQuad", "-oo", "MINX=" + lowerLeft[0], "-oo", "MINY=" + lowerLeft[1],
                "-oo", "MAXX=" + upperRight[0], "-oo", "MAXY=" + upperRight[1]));
        List<String> summary = new ArrayList<>(List.of(OGRINFO.toString(), "--debug", "on", "-ro", "-so"));
        summary.addAll(open);
        Result ogrinfo = execute(summary);

        List<String> fetched = new ArrayList<>();
        Matcher fetch = FETCH.matcher(ogrinfo.err());
        while (fetch.find()) {
            fetched.add(fetch.group(1));
        }
        assertThat(ogrinfo.err()).as("GDAL's complaints").doesNotContain("ERROR");
        assertThat(fetched).as(ogrinfo.err()).startsWith(ogc + "/collections/parcels",
                ogc + "/collections/parcels/tiles", ogc + "/collections/parcels/tiles/WebMercatorQuad",
                ogc + "/tileMatrixSets/WebMercatorQuad");
        if (ogrinfo.exit() != 0) {
            // Debian 12's GDAL 3.6.2: every document read and understood, then no layer (see the class comment).
            assertThat(ogrinfo.out() + ogrinfo.err()).contains("Unable to open datasource");
            return;
        }
        // A GDAL whose OGCAPI driver reads vector tiles: one layer per zoom, and the parcels of our tile at z15.
        assertThat(ogrinfo.out()).contains("Zoom level 15");
        TileRequest tile = new TileRequest("parcels", Layer.PARCELS, Map.of(), Map.of(), TILE[0], TILE[2], TILE[1],
                false);
        Envelope inside = new Envelope(tile.mercatorBounds());
        inside.expandBy(-inside.getWidth() / 4);
        List<String> features = new ArrayList<>(List.of(OGRINFO.toString(), "-ro", "-geom=NO", "-spat",
                Double.toString(inside.getMinX()), Double.toString(inside.getMinY()), Double.toString(inside.getMaxX()),
                Double.toString(inside.getMaxY())));
        features.addAll(open);
        features.add("Zoom level " + TILE[0]);
        Result read = execute(features);
        assertThat(read.exit()).as(read.err()).isZero();
        assertTheParcelsOfTheItems(ids(read.out()), tile);
    }

    /**
     * The tile holds every parcel the items give inside the tile proper (less a 1/64 margin, where snapping to the
     * 4096 grid may leave a sliver out) and none the items do not give for the tile with its buffer.
     */
    private void assertTheParcelsOfTheItems(Set<String> inTile, TileRequest tile) {
        assertThat(inTile).isNotEmpty();
        Envelope margin = new Envelope(tile.mercatorBounds());
        margin.expandBy(-tile.mercatorBounds().getWidth() / 64);
        Set<String> well = itemIds(crs84(margin));
        Set<String> around = itemIds(JavaTileEncoder.lookupBoundsCrs84(tile));
        assertThat(well).isNotEmpty();
        assertThat(inTile).as("parcels of the tile, against the items around it").isSubsetOf(around)
                .containsAll(well);
    }

    private Set<String> itemIds(Envelope crs84) {
        String bbox = String.format(Locale.ROOT, "%.9f,%.9f,%.9f,%.9f", crs84.getMinX(), crs84.getMinY(),
                crs84.getMaxX(), crs84.getMaxY());
        JsonNode page = client.get("/ogc/collections/parcels/items?limit=1000&bbox=" + bbox).json();
        assertThat(page.get("numberMatched").intValue()).isLessThan(1000);
        Set<String> ids = new TreeSet<>();
        page.get("features").forEach(f -> ids.add(f.get("id").stringValue()));
        return ids;
    }

    private static Set<String> ids(String ogrinfoListing) {
        Set<String> ids = new TreeSet<>();
        for (String line : ogrinfoListing.lines().toList()) {
            Matcher id = ID_FIELD.matcher(line);
            if (id.matches()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    /** CRS84 longitude and latitude, degrees, to EPSG:3857 x and y, metres. */
    private static double[] mercator(double longitude, double latitude) {
        double radius = WebMercatorQuad.RADIUS_METRES;
        return new double[] {Math.toRadians(longitude) * radius,
            Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latitude) / 2)) * radius};
    }

    /** An EPSG:3857 rectangle, metres, to the CRS84 one, degrees (Web Mercator keeps rectangles rectangles). */
    private static Envelope crs84(Envelope mercator) {
        double radius = WebMercatorQuad.RADIUS_METRES;
        return new Envelope(Math.toDegrees(mercator.getMinX() / radius), Math.toDegrees(mercator.getMaxX() / radius),
                Math.toDegrees(Math.atan(Math.sinh(mercator.getMinY() / radius))),
                Math.toDegrees(Math.atan(Math.sinh(mercator.getMaxY() / radius))));
    }
}
