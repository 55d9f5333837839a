package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.Layer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebMercatorQuad numbers against the published definition (OGC 17-083r4, Annex D: matrix 0 is one 256-pixel tile
 * of 156,543.03392804097 m per pixel, scale 1:559,082,264.0287178) and against the tiles the service actually cuts.
 */
class WebMercatorQuadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void matrixZeroIsThePublishedOne() {
        assertThat(WebMercatorQuad.cellSizeMetres(0)).isEqualTo(156543.03392804097);
        assertThat(WebMercatorQuad.scaleDenominator(0)).isEqualTo(559082264.0287178);
        assertThat(WebMercatorQuad.HALF_SIDE_METRES).isEqualTo(20037508.342789244);
        assertThat(WebMercatorQuad.matrixSize(0)).isEqualTo(1);
    }

    @Test
    void eachMatrixHalvesThePixelAndDoublesTheTilesExactly() {
        for (int z = 1; z <= WebMercatorQuad.MAX_TILE_MATRIX; z++) {
            assertThat(WebMercatorQuad.cellSizeMetres(z)).as("z%d", z).isEqualTo(WebMercatorQuad.cellSizeMetres(z - 1) / 2);
            assertThat(WebMercatorQuad.scaleDenominator(z)).as("z%d", z)
                    .isEqualTo(WebMercatorQuad.scaleDenominator(z - 1) / 2);
            assertThat(WebMercatorQuad.matrixSize(z)).as("z%d", z).isEqualTo(2 * WebMercatorQuad.matrixSize(z - 1));
        }
        // Two more matrices of the published definition, to their printed precision.
        assertThat(WebMercatorQuad.scaleDenominator(15)).isCloseTo(17061.8366707982, within(1e-9));
        assertThat(WebMercatorQuad.cellSizeMetres(22)).isCloseTo(0.0373227677, within(1e-10));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 12, 15, 22})
    void theMatricesDescribeTheTilesTheServiceCuts(int z) {
        long last = WebMercatorQuad.matrixSize(z) - 1;
        for (long[] rowColumn : List.of(new long[] {0, 0}, new long[] {last / 3, last / 2}, new long[] {last, last})) {
            TileRequest tile = new TileRequest("parcels", Layer.PARCELS, Map.of(), Map.of(), z, (int) rowColumn[1],
                    (int) rowColumn[0], false);
            Envelope bounds = tile.mercatorBounds();
            double side = WebMercatorQuad.cellSizeMetres(z) * WebMercatorQuad.TILE_SIZE_PIXELS;
            double west = -WebMercatorQuad.HALF_SIDE_METRES + rowColumn[1] * side;
            double north = WebMercatorQuad.HALF_SIDE_METRES - rowColumn[0] * side;
            assertThat(bounds.getMinX()).isCloseTo(west, within(1e-6));
            assertThat(bounds.getMaxY()).isCloseTo(north, within(1e-6));
            assertThat(bounds.getWidth()).isCloseTo(side, within(1e-6));
            assertThat(bounds.getHeight()).isCloseTo(side, within(1e-6));
        }
    }

    @Test
    void theDefinitionListsMatricesZeroToTwentyTwoWithTheirOneZeroNames() {
        JsonNode tms = JSON.valueToTree(WebMercatorQuad.definition("http://localhost/ogc/tileMatrixSets/WebMercatorQuad"));
        assertThat(fieldNames(tms)).containsExactly("id", "title", "uri", "crs", "orderedAxes", "wellKnownScaleSet",
                "boundingBox", "tileMatrices", "identifier", "supportedCRS", "links");
        assertThat(tms.get("identifier")).isEqualTo(tms.get("id"));
        assertThat(tms.get("supportedCRS")).isEqualTo(tms.get("crs"));
        assertThat(tms.at("/boundingBox/lowerLeft").toString())
                .isEqualTo("[-2.0037508342789244E7,-2.0037508342789244E7]");
        JsonNode matrices = tms.get("tileMatrices");
        assertThat(matrices).hasSize(23);
        for (int z = 0; z <= 22; z++) {
            JsonNode matrix = matrices.get(z);
            assertThat(matrix.get("id").stringValue()).isEqualTo(Integer.toString(z));
            assertThat(matrix.get("identifier")).isEqualTo(matrix.get("id"));
            assertThat(matrix.get("topLeftCorner")).isEqualTo(matrix.get("pointOfOrigin"));
            assertThat(matrix.get("cornerOfOrigin").stringValue()).isEqualTo("topLeft");
            assertThat(matrix.get("cellSize").doubleValue()).isEqualTo(WebMercatorQuad.cellSizeMetres(z));
            assertThat(matrix.get("scaleDenominator").doubleValue()).isEqualTo(WebMercatorQuad.scaleDenominator(z));
            assertThat(matrix.get("matrixWidth").longValue()).isEqualTo(1L << z);
            assertThat(matrix.get("matrixHeight").longValue()).isEqualTo(1L << z);
            assertThat(matrix.get("tileWidth").intValue()).isEqualTo(256);
            assertThat(matrix.get("tileHeight").intValue()).isEqualTo(256);
        }
    }

    @Test
    void onlyWebMercatorQuadIsServed() {
        assertThat(WebMercatorQuad.isServed("WebMercatorQuad")).isTrue();
        for (String other : Set.of("webmercatorquad", "WorldCRS84Quad", "", "WebMercatorQuad ")) {
            assertThat(WebMercatorQuad.isServed(other)).as(other).isFalse();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
