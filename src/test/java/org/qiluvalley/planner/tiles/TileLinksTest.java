package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.features.FeatureCollections;
import org.qiluvalley.planner.parcel.Layer;

/** The links the landing page and the collections carry to the tiles, and the conformance classes. */
class TileLinksTest {

    record Link(String href, String rel, String type, String title) {
    }

    private static final String BASE = "https://planning.example.cn/ogc";

    @Test
    void theLandingPageLinksTheTileMatrixSets() {
        assertThat(TileLinks.landing(BASE, Link::new)).containsExactly(new Link(BASE + "/tileMatrixSets",
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", "application/json", "Tile matrix sets"));
    }

    @Test
    void aCollectionLinksItsVectorTilesetsAsJsonWhichIsWhatGdalFollows() {
        assertThat(TileLinks.collection(BASE, "road-reserves", Link::new)).containsExactly(new Link(
                BASE + "/collections/road-reserves/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                "application/json", "Vector tilesets"));
    }

    @Test
    void theTileTemplateHasTheExtensionAndTheThreeVariables() {
        assertThat(TileLinks.tileTemplate(BASE, "parcels")).isEqualTo(
                BASE + "/collections/parcels/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}.mvt");
    }

    @Test
    void theConformanceClassesAreTilesAndTileMatrixSetOnesEachOnce() {
        assertThat(new HashSet<>(TileLinks.CONFORMANCE)).hasSize(TileLinks.CONFORMANCE.size());
        assertThat(TileLinks.CONFORMANCE).contains(
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
                "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
        assertThat(TileLinks.CONFORMANCE).allMatch(uri -> uri.startsWith("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/")
                || uri.startsWith("http://www.opengis.net/spec/tms/2.0/conf/"));
        // Not served: tilesets of the whole dataset, other formats.
        assertThat(TileLinks.CONFORMANCE).noneMatch(uri -> uri.endsWith("/dataset-tilesets") || uri.endsWith("/png")
                || uri.endsWith("/geojson"));
    }

    @Test
    void aLayersGeometryIsTheCollectionsGeoJsonTypeAndNoneWhenItHasNone() {
        assertThat(TileLayerGeometry.of(collection(FeatureCollections.LINE_STRING))).contains(TileLayerGeometry.LINES);
        assertThat(TileLayerGeometry.of(collection(FeatureCollections.POLYGON))).contains(TileLayerGeometry.POLYGONS);
        assertThat(TileLayerGeometry.of(collection(FeatureCollections.MULTI_POLYGON)))
                .contains(TileLayerGeometry.MULTIPOLYGONS);
        assertThat(TileLayerGeometry.of(collection("Point")).map(g -> g.dimension)).contains(0);
        assertThat(TileLayerGeometry.of(collection(null))).isEqualTo(Optional.empty());
        assertThat(TileLayerGeometry.of(collection("GeometryCollection"))).isEqualTo(Optional.empty());
    }

    private static FeatureCollections.Collection<?> collection(String geometryType) {
        return new FeatureCollections.Collection<>("roads", "Roads", "", Layer.ROADS, Map.of(), List.of(),
                geometryType, (r, planner) -> null);
    }
}
