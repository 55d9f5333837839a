package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.features.FeatureCollections;
import org.qiluvalley.planner.features.FeaturesController;
import org.qiluvalley.planner.features.PlannerParcelFields;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.register.RegisterWatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tiles' metadata, tile matrix sets and tile addressing as a slice: the two controllers and the error mapper,
 * written by Spring's own JSON converter, over a registry of collections built here (the features' controller is a
 * mock that answers them), a store that only knows extents, and a tile store that answers fixed bytes (no database,
 * no security chain). The tiles' content on both databases is {@code TilesApiContract}'s.
 */
@WebMvcTest(controllers = {TilesController.class, TileMatrixSetsController.class})
@AutoConfigureMockMvc(addFilters = false)
@Import(TilesControllerTest.FixedTiles.class)
class TilesControllerTest {

    static final String BASE = "http://localhost/ogc";
    /** The park's parcels' extent, CRS84 degrees. */
    static final Envelope PARK = new Envelope(117.2028, 117.2371, 36.7427, 36.7581);
    /** A tile with content: z15 over the park (row, column of 117.215 E, 36.748 N). */
    static final String TILE = "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12782/27053";
    /** A tile the fixed store has nothing in. */
    static final String EMPTY_TILE = "/ogc/collections/parcels/tiles/WebMercatorQuad/15/0/0";

    /** Answers every tile with bytes naming it, but an empty array (204) at row 0. */
    @TestConfiguration
    static class FixedTiles {
        @Bean
        VectorTileStore vectorTileStore() {
            return request -> request.y() == 0 ? new byte[0]
                    : (request.layerName() + " " + request.z() + "/" + request.y() + "/" + request.x())
                            .getBytes(StandardCharsets.UTF_8);
        }

        /** Off: these tests are of the controller; the cache has TileCacheTest and the API contract tests. */
        @Bean
        TileCache tileCache() {
            return new TileCache(0, TilesController.PARCELS_MIN_ZOOM, TilesController.MAX_ZOOM);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FeaturesController features;

    @MockitoBean
    ParcelStore store;

    @MockitoBean
    PlannerParcelFields plannerFields;

    @MockitoBean
    RegisterWatch register;

    /** The collections as the registry defines them, roads split into centrelines and reserves. */
    final Map<String, FeatureCollections.Collection<?>> collections = new LinkedHashMap<>();

    @BeforeEach
    void registry() {
        add(new FeatureCollections.Collection<>("parcels", "Parcels", "Every live parcel", Layer.PARCELS, Map.of(),
                List.of("zone", "landUse", "status"), FeatureCollections.POLYGON, (p, planner) -> null));
        add(new FeatureCollections.Collection<>("available-sites", "Available sites", "Parcels open to investors",
                Layer.PARCELS, Map.of("status", "available"), List.of("zone", "landUse"), FeatureCollections.POLYGON,
                (p, planner) -> null));
        add(new FeatureCollections.Collection<>("zones", "Functional zones", "Zones", Layer.ZONES, Map.of(),
                List.of("category"), FeatureCollections.MULTI_POLYGON, (z, planner) -> null));
        add(new FeatureCollections.Collection<>("roads", "Roads", "Road centrelines", Layer.ROADS,
                Map.of("kind", "centreline"), List.of(), FeatureCollections.LINE_STRING, (r, planner) -> null));
        add(new FeatureCollections.Collection<>("road-reserves", "Road reserves", "Between the red lines",
                Layer.ROADS, Map.of("kind", "reserve"), List.of(), FeatureCollections.POLYGON, (r, planner) -> null));
        add(new FeatureCollections.Collection<>("mixed", "Mixed", "Of several geometry types", Layer.ROADS, Map.of(),
                List.of(), null, (r, planner) -> null));
        when(features.base()).thenReturn(BASE);
        when(features.collection(anyString())).thenAnswer(call -> {
            FeatureCollections.Collection<?> collection = collections.get(call.<String>getArgument(0));
            if (collection == null) {
                throw new NotFoundException("no collection \"" + call.getArgument(0) + "\"");
            }
            return collection;
        });
        when(store.extentCrs84(Layer.PARCELS)).thenReturn(Optional.of(PARK));
        when(store.extentCrs84(Layer.ZONES)).thenReturn(Optional.of(PARK));
        when(store.extentCrs84(Layer.ROADS)).thenReturn(Optional.empty());
    }

    private void add(FeatureCollections.Collection<?> collection) {
        collections.put(collection.id(), collection);
    }

    // ---- tilesets -------------------------------------------------------------------------------------------------

    @Test
    void theTilesetListLinksTheTilesetItsTileMatrixSetAndTheTileTemplate() throws Exception {
        JsonNode list = json("/ogc/collections/parcels/tiles");
        assertThat(link(list, "self").get("href").stringValue()).isEqualTo(BASE + "/collections/parcels/tiles");
        assertThat(list.get("tilesets")).hasSize(1);
        JsonNode tileset = list.get("tilesets").get(0);
        assertThat(tileset.get("dataType").stringValue()).isEqualTo("vector");
        assertThat(tileset.get("crs").stringValue()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(tileset.get("tileMatrixSetURI").stringValue())
                .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        JsonNode self = link(tileset, "self");
        assertThat(self.get("href").stringValue()).isEqualTo(BASE + "/collections/parcels/tiles/WebMercatorQuad");
        assertThat(self.get("type").stringValue()).isEqualTo("application/json");
        assertThat(link(tileset, TileLinks.REL_TILING_SCHEME).get("href").stringValue())
                .isEqualTo(BASE + "/tileMatrixSets/WebMercatorQuad");
        assertTemplate(link(tileset, "item"), "parcels");
    }

    @Test
    void theTilesetSaysItsLayerBoundsLimitsAndLinks() throws Exception {
        JsonNode tileset = json("/ogc/collections/parcels/tiles/WebMercatorQuad");
        assertThat(tileset.get("dataType").stringValue()).isEqualTo("vector");
        assertThat(tileset.get("crs").stringValue()).isEqualTo(WebMercatorQuad.CRS);
        assertThat(tileset.get("tileMatrixSetURI").stringValue()).isEqualTo(WebMercatorQuad.URI);
        assertThat(tileset.get("mediaTypes").toString()).isEqualTo("[\"application/vnd.mapbox-vector-tile\"]");
        assertThat(tileset.get("boundingBox").get("lowerLeft").toString()).isEqualTo("[117.2028,36.7427]");
        assertThat(tileset.get("boundingBox").get("upperRight").toString()).isEqualTo("[117.2371,36.7581]");

        JsonNode limits = tileset.get("tileMatrixSetLimits");
        assertThat(limits).hasSize(TilesController.MAX_ZOOM - TilesController.PARCELS_MIN_ZOOM + 1);
        JsonNode z15 = limits.get(15 - TilesController.PARCELS_MIN_ZOOM);
        assertThat(z15.get("tileMatrix").stringValue()).isEqualTo("15");
        assertThat(z15.get("minTileCol").intValue()).isLessThanOrEqualTo(27053);
        assertThat(z15.get("maxTileCol").intValue()).isGreaterThanOrEqualTo(27053);
        assertThat(z15.get("minTileRow").intValue()).isLessThanOrEqualTo(12782);
        assertThat(z15.get("maxTileRow").intValue()).isGreaterThanOrEqualTo(12782);

        JsonNode layer = tileset.get("layers").get(0);
        assertThat(layer.get("id").stringValue()).isEqualTo("parcels");
        assertThat(layer.get("dataType").stringValue()).isEqualTo("vector");
        assertThat(layer.get("geometryType").stringValue()).isEqualTo("polygons");
        assertThat(layer.get("geometryDimension").intValue()).isEqualTo(2);
        assertThat(layer.get("minTileMatrix").stringValue()).isEqualTo("12");
        assertThat(layer.get("maxTileMatrix").stringValue()).isEqualTo("22");
        assertThat(layer.get("propertiesSchema").get("properties").get("id").get("type").stringValue())
                .isEqualTo("string");

        assertThat(link(tileset, "self").get("href").stringValue())
                .isEqualTo(BASE + "/collections/parcels/tiles/WebMercatorQuad");
        JsonNode scheme = link(tileset, TileLinks.REL_TILING_SCHEME);
        assertThat(scheme.get("href").stringValue()).isEqualTo(BASE + "/tileMatrixSets/WebMercatorQuad");
        assertThat(scheme.get("type").stringValue()).isEqualTo("application/json");
        assertTemplate(link(tileset, "item"), "parcels");
        assertThat(link(tileset, TileLinks.REL_GEODATA).get("href").stringValue())
                .isEqualTo(BASE + "/collections/parcels");
    }

    @Test
    void eachLayerIsNamedAfterItsCollectionWithTheGeometryOfItsFeatures() throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Integer> dimensions = new LinkedHashMap<>();
        for (String id : collections.keySet()) {
            JsonNode layer = json("/ogc/collections/" + id + "/tiles/WebMercatorQuad").get("layers").get(0);
            assertThat(layer.get("id").stringValue()).isEqualTo(id);
            if (layer.has("geometryType")) {
                types.put(id, layer.get("geometryType").stringValue());
                dimensions.put(id, layer.get("geometryDimension").intValue());
            }
        }
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("parcels", "polygons", "available-sites",
                "polygons", "zones", "multipolygons", "roads", "lines", "road-reserves", "polygons"));
        assertThat(dimensions).containsExactlyInAnyOrderEntriesOf(Map.of("parcels", 2, "available-sites", 2, "zones",
                2, "roads", 1, "road-reserves", 2));
        // The roads' properties come with their layer, whatever the collection's id.
        assertThat(json("/ogc/collections/road-reserves/tiles/WebMercatorQuad")
                .at("/layers/0/propertiesSchema/properties").has("redLineWidthMetres")).isTrue();
    }

    @Test
    void aTilesetOfACollectionWithoutFeaturesHasNoBoundsAndNoLimits() throws Exception {
        JsonNode tileset = json("/ogc/collections/roads/tiles/WebMercatorQuad");
        assertThat(tileset.has("boundingBox")).isFalse();
        assertThat(tileset.has("tileMatrixSetLimits")).isFalse();
        assertThat(tileset.at("/layers/0/minTileMatrix").stringValue()).isEqualTo("0");
    }

    // ---- tile matrix sets -----------------------------------------------------------------------------------------

    @Test
    void theTileMatrixSetListLinksTheOneDefinition() throws Exception {
        JsonNode list = json("/ogc/tileMatrixSets");
        assertThat(link(list, "self").get("href").stringValue()).isEqualTo(BASE + "/tileMatrixSets");
        assertThat(list.get("tileMatrixSets")).hasSize(1);
        JsonNode webMercator = list.get("tileMatrixSets").get(0);
        assertThat(webMercator.get("id").stringValue()).isEqualTo("WebMercatorQuad");
        assertThat(webMercator.get("uri").stringValue()).isEqualTo(WebMercatorQuad.URI);
        assertThat(webMercator.get("crs").stringValue()).isEqualTo(WebMercatorQuad.CRS);
        assertThat(link(webMercator, "self").get("href").stringValue())
                .isEqualTo(BASE + "/tileMatrixSets/WebMercatorQuad");
    }

    @Test
    void theDefinitionIsTheComputedWebMercatorQuad() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/ogc/tileMatrixSets/WebMercatorQuad")).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        JsonNode tms = JSON.readTree(response.getContentAsByteArray());
        assertThat(tms.get("id").stringValue()).isEqualTo("WebMercatorQuad");
        assertThat(tms.get("uri").stringValue())
                .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        assertThat(tms.get("crs").stringValue()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(tms.get("orderedAxes").toString()).isEqualTo("[\"X\",\"Y\"]");
        assertThat(tms.get("tileMatrices")).hasSize(23);
        JsonNode zero = tms.get("tileMatrices").get(0);
        assertThat(zero.get("id").stringValue()).isEqualTo("0");
        assertThat(zero.get("scaleDenominator").doubleValue()).isEqualTo(559082264.0287178);
        assertThat(zero.get("cellSize").doubleValue()).isEqualTo(156543.03392804097);
        assertThat(zero.get("pointOfOrigin").toString()).isEqualTo("[-2.0037508342789244E7,2.0037508342789244E7]");
        assertThat(zero.get("matrixWidth").intValue()).isEqualTo(1);
        assertThat(zero.get("tileWidth").intValue()).isEqualTo(256);
        JsonNode last = tms.get("tileMatrices").get(22);
        assertThat(last.get("id").stringValue()).isEqualTo("22");
        assertThat(last.get("matrixHeight").longValue()).isEqualTo(4_194_304L);
        // The 1.0 names GDAL 3.6 reads, equal to their 2.0 counterparts.
        assertThat(tms.get("supportedCRS").stringValue()).isEqualTo(tms.get("crs").stringValue());
        assertThat(last.get("identifier").stringValue()).isEqualTo("22");
        assertThat(last.get("topLeftCorner")).isEqualTo(last.get("pointOfOrigin"));
        assertThat(link(tms, "self").get("href").stringValue()).isEqualTo(BASE + "/tileMatrixSets/WebMercatorQuad");
    }

    @Test
    void anUnknownTileMatrixSetIsA404Problem() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/ogc/tileMatrixSets/WorldCRS84Quad")).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("WebMercatorQuad");
    }

    // ---- the metadata's parameters --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/tileMatrixSets?limit=1", "/ogc/tileMatrixSets?f=html",
            "/ogc/tileMatrixSets/WebMercatorQuad?bbox=1,2,3,4", "/ogc/tileMatrixSets/WebMercatorQuad?f=mvt",
            "/ogc/collections/parcels/tiles?f=xml", "/ogc/collections/parcels/tiles?f=json&f=html",
            "/ogc/collections/parcels/tiles/WebMercatorQuad?colour=red"})
    void metadataTakesNoParameterButFJson(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(400);
        assertThat(response.getContentType()).as(path).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/tileMatrixSets?f=json", "/ogc/tileMatrixSets/WebMercatorQuad?f=json",
            "/ogc/collections/zones/tiles?f=json", "/ogc/collections/zones/tiles/WebMercatorQuad?f=json"})
    void metadataTakesFJson(String path) throws Exception {
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
    }

    // ---- the tiles at each address --------------------------------------------------------------------------------

    @Nested
    class TheTileWithTheExtensionOrFMvtIsTheSameTile {

        @ParameterizedTest
        @ValueSource(strings = {TILE + ".mvt", TILE + "?f=mvt", TILE + ".mvt?f=mvt"})
        void sameStatusBytesAndHeaders(String path) throws Exception {
            MockHttpServletResponse plain = mvc.perform(get(TILE)).andReturn().getResponse();
            MockHttpServletResponse other = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(plain.getStatus()).isEqualTo(200);
            assertThat(plain.getContentAsString()).isEqualTo("parcels 15/12782/27053");
            assertSame(plain, other, path);
        }

        @Test
        void anEmptyTileIsA204AtEitherAddress() throws Exception {
            MockHttpServletResponse plain = mvc.perform(get(EMPTY_TILE)).andReturn().getResponse();
            MockHttpServletResponse mvt = mvc.perform(get(EMPTY_TILE + ".mvt")).andReturn().getResponse();
            assertThat(plain.getStatus()).isEqualTo(204);
            assertSame(plain, mvt, EMPTY_TILE + ".mvt");
        }

        @Test
        void aTagFromOneAddressRevalidatesAtTheOther() throws Exception {
            String etag = mvc.perform(get(TILE)).andReturn().getResponse().getHeader("ETag");
            assertThat(etag).matches("\"[0-9a-f]{32}\"");
            MockHttpServletResponse again = mvc.perform(get(TILE + ".mvt").header("If-None-Match", etag)).andReturn()
                    .getResponse();
            assertThat(again.getStatus()).isEqualTo(304);
            assertThat(again.getHeader("ETag")).isEqualTo(etag);
            assertThat(again.getContentAsByteArray()).isEmpty();
        }

        private void assertSame(MockHttpServletResponse expected, MockHttpServletResponse actual, String path) {
            assertThat(actual.getStatus()).as(path).isEqualTo(expected.getStatus());
            assertThat(actual.getContentAsByteArray()).as(path).isEqualTo(expected.getContentAsByteArray());
            assertThat(headers(actual)).as(path).isEqualTo(headers(expected));
        }

        private Map<String, List<String>> headers(MockHttpServletResponse response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : response.getHeaderNames()) {
                headers.put(name, new ArrayList<>(response.getHeaders(name)));
            }
            return headers;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TILE + "?f=png", TILE + "?f=json", TILE + ".mvt?f=pbf", TILE + "?f=mvt&f=json",
            TILE + ".mvt?limit=1", "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12782/27053.5.mvt",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12782/27053.mvt.mvt",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12782/27053.png",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/x/27053.mvt"})
    void otherFormatsAndMalformedAddressesAre400(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(400);
        assertThat(response.getContentType()).as(path).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections/parcels/tiles/WebMercatorQuad/11/798/1690.mvt",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/23/0/0.mvt",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/32768/1.mvt",
            "/ogc/collections/parcels/tiles/WorldCRS84Quad/15/1/1.mvt",
            "/ogc/collections/nope/tiles/WebMercatorQuad/15/1/1.mvt"})
    void tilesOutsideTheMatrixAre404WithTheExtensionToo(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(404);
        assertThat(response.getContentType()).as(path).startsWith("application/problem+json");
    }

    // ---------------------------------------------------------------------------------------------------------

    private JsonNode json(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).as(path).startsWith("application/json");
        return JSON.readTree(response.getContentAsByteArray());
    }

    private static JsonNode link(JsonNode document, String rel) {
        for (JsonNode link : document.get("links")) {
            if (link.get("rel").stringValue().equals(rel)) {
                return link;
            }
        }
        throw new AssertionError("no link " + rel + " in " + document.get("links"));
    }

    private static void assertTemplate(JsonNode item, String collection) {
        assertThat(item.get("href").stringValue()).isEqualTo(BASE + "/collections/" + collection
                + "/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}.mvt");
        assertThat(item.get("type").stringValue()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(item.get("templated").booleanValue()).isTrue();
    }
}
