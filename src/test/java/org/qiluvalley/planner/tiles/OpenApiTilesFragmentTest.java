package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ogc/openapi-tiles.json}, the tiles' part of the API definition, merged into {@code ogc/openapi.json} as the
 * API document merges it: it describes exactly the tiles' GET mappings, every reference resolves inside the merged
 * document (nothing on the internet), every path variable is a described parameter, and it redefines nothing of the
 * main document.
 */
class OpenApiTilesFragmentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Our mappings' variable names to the OGC API Tiles names the definition uses. */
    private static final Map<String, String> OGC_NAMES = Map.of("{matrixSet}", "{tileMatrixSetId}", "{z}",
            "{tileMatrix}", "{y}", "{tileRow}", "{x}", "{tileCol}");

    @Test
    void theFragmentIsPathsParametersAndSchemasOnly() throws IOException {
        JsonNode fragment = read("ogc/openapi-tiles.json");
        assertThat(fragment.propertyNames()).containsExactlyInAnyOrder("paths", "components");
        assertThat(fragment.get("components").propertyNames()).containsExactlyInAnyOrder("parameters", "schemas");
    }

    @Test
    void itDescribesExactlyTheTilesGetMappings() throws IOException {
        Set<String> mapped = new TreeSet<>();
        for (Class<?> controller : List.of(TilesController.class, TileMatrixSetsController.class)) {
            for (Method method : controller.getDeclaredMethods()) {
                GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
                if (get != null) {
                    for (String path : get.path()) {
                        String ogc = path.substring("/ogc".length());
                        for (Map.Entry<String, String> name : OGC_NAMES.entrySet()) {
                            ogc = ogc.replace(name.getKey(), name.getValue());
                        }
                        mapped.add(ogc);
                    }
                }
            }
        }
        assertThat(new TreeSet<>(read("ogc/openapi-tiles.json").get("paths").propertyNames())).isEqualTo(mapped);
    }

    @Test
    void everyReferenceResolvesInTheMergedDocumentAndNoneLeavesIt() throws IOException {
        JsonNode merged = merged();
        List<String> refs = new ArrayList<>();
        collectRefs(read("ogc/openapi-tiles.json"), refs);
        assertThat(refs).isNotEmpty().allMatch(ref -> ref.startsWith("#/components/"));
        for (String ref : refs) {
            assertThat(merged.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void everyPathVariableIsADescribedPathParameter() throws IOException {
        JsonNode merged = merged();
        JsonNode fragment = read("ogc/openapi-tiles.json");
        Pattern variable = Pattern.compile("\\{(\\w+)}");
        for (String path : fragment.get("paths").propertyNames()) {
            Set<String> inPath = new TreeSet<>();
            Matcher m = variable.matcher(path);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            Set<String> described = new TreeSet<>();
            JsonNode operation = fragment.get("paths").get(path).get("get");
            assertThat(operation.get("responses").has("200")).as(path).isTrue();
            for (JsonNode parameter : operation.get("parameters")) {
                JsonNode resolved = parameter.has("$ref") ? merged.at(parameter.get("$ref").stringValue().substring(1))
                        : parameter;
                if (resolved.get("in").stringValue().equals("path")) {
                    assertThat(resolved.get("required").booleanValue()).as(path).isTrue();
                    described.add(resolved.get("name").stringValue());
                }
            }
            assertThat(described).as(path).isEqualTo(inPath);
        }
    }

    @Test
    void theTileAddressesAreWholeNumbersInTheirRange() throws IOException {
        JsonNode parameters = read("ogc/openapi-tiles.json").at("/components/parameters");
        assertThat(parameters.at("/tileMatrix/schema/type").stringValue()).isEqualTo("integer");
        assertThat(parameters.at("/tileMatrix/schema/maximum").intValue()).isEqualTo(TilesController.MAX_ZOOM);
        for (String name : List.of("tileRow", "tileCol")) {
            assertThat(parameters.at("/" + name + "/schema/type").stringValue()).isEqualTo("integer");
            assertThat(parameters.at("/" + name + "/schema/minimum").intValue()).isZero();
            assertThat(parameters.at("/" + name + "/schema/maximum").longValue())
                    .isEqualTo(WebMercatorQuad.matrixSize(TilesController.MAX_ZOOM) - 1);
        }
        assertThat(parameters.at("/tileMatrixSetId/schema/enum").toString()).isEqualTo("[\"WebMercatorQuad\"]");
    }

    @Test
    void itRedefinesNothingOfTheMainDocument() throws IOException {
        JsonNode main = read("ogc/openapi.json");
        JsonNode fragment = read("ogc/openapi-tiles.json");
        for (String part : List.of("paths", "components/parameters", "components/schemas")) {
            JsonNode ours = fragment.at("/" + part);
            for (String name : ours.propertyNames()) {
                assertThat(main.at("/" + part).has(name)).as(part + " " + name).isFalse();
            }
        }
    }

    /** The main document with the fragment's paths, parameters and schemas added. */
    private static JsonNode merged() throws IOException {
        ObjectNode main = (ObjectNode) read("ogc/openapi.json");
        JsonNode fragment = read("ogc/openapi-tiles.json");
        ((ObjectNode) main.get("paths")).setAll((ObjectNode) fragment.get("paths"));
        ((ObjectNode) main.at("/components/parameters")).setAll((ObjectNode) fragment.at("/components/parameters"));
        ((ObjectNode) main.at("/components/schemas")).setAll((ObjectNode) fragment.at("/components/schemas"));
        return main;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                if (name.equals("$ref")) {
                    refs.add(node.get(name).stringValue());
                } else {
                    collectRefs(node.get(name), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = OpenApiTilesFragmentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
