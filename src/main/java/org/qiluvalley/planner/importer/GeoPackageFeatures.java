package org.qiluvalley.planner.importer;

import java.util.Locale;
import java.util.Map;

import org.qiluvalley.planner.geopackage.GeoPackageFeature;
import org.qiluvalley.planner.geopackage.GeoPackageLayer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A feature of a GeoPackage layer as the GeoJSON feature the validator reads ({@code type}, {@code id},
 * {@code properties}; the geometry goes to the validator separately), so that both kinds of file pass the very same
 * checks with the same messages: a text column holds a JSON string, an integer or real column a JSON number, NULL a
 * JSON null.
 */
final class GeoPackageFeatures {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeoPackageFeatures() {
    }

    static JsonNode asGeoJsonFeature(GeoPackageFeature feature) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "Feature");
        if (feature.id() != null) {
            node.put("id", feature.id());
        } else {
            // The id column holds no text here: NULL (no id) or a number, which the validator refuses as GeoJSON's.
            feature.properties().entrySet().stream()
                    .filter(p -> p.getKey().toLowerCase(Locale.ROOT).equals(GeoPackageLayer.ID_COLUMN))
                    .findFirst().ifPresent(p -> node.set("id", value(p.getValue())));
        }
        ObjectNode properties = node.putObject("properties");
        for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
            properties.set(property.getKey(), value(property.getValue()));
        }
        return node;
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Long integer) {
            return NODES.numberNode(integer);
        }
        if (value instanceof Double real) {
            return NODES.numberNode(real);
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        return NODES.stringNode(value.toString());
    }
}
