package org.qiluvalley.planner.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 definition served at {@code /ogc/api}, built once from {@code ogc/openapi.json}: the template's
 * paths {@code /collections/{collectionId}...} are written out for each collection of the registry, so that each
 * collection's items path lists exactly the query parameters it accepts (its queryables among them: GDAL and other
 * clients read them from there), and only {@code parcels} has the write operations. Every request fills in its own
 * server URL. Self-contained on purpose: it references no schema on the internet, so the service (and OGC's test
 * suite) works in a closed network. Other building blocks ({@link OgcApiExtension}, the tiles) add their paths.
 */
@Component
class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COLLECTION = "/collections/{collectionId}";
    static final String QUERYABLES = COLLECTION + "/queryables";
    static final String ITEMS = COLLECTION + "/items";
    static final String ITEM = ITEMS + "/{featureId}";
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    private final ObjectNode template;

    OpenApiDocument(FeatureCollections collections, List<OgcApiExtension> extensions) {
        template = read("ogc/openapi.json");
        for (OgcApiExtension extension : extensions) {
            merge(extension.openApiFragment());
        }
        ArrayNode ids = (ArrayNode) template.at("/components/parameters/collectionId/schema/enum");
        collections.all().forEach(c -> ids.add(c.id()));
        ObjectNode paths = (ObjectNode) template.get("paths");
        ObjectNode collectionPath = (ObjectNode) paths.remove(COLLECTION);
        ObjectNode queryablesPath = (ObjectNode) paths.remove(QUERYABLES);
        ObjectNode itemsPath = (ObjectNode) paths.remove(ITEMS);
        ObjectNode itemPath = (ObjectNode) paths.remove(ITEM);
        for (FeatureCollections.Collection<?> collection : collections.all()) {
            String path = "/collections/" + collection.id();
            paths.set(path, specialise(collectionPath, collection, List.of()));
            paths.set(path + "/queryables", specialise(queryablesPath, collection, List.of()));
            paths.set(path + "/items", specialise(itemsPath, collection, collection.propertyParameters()));
            paths.set(path + "/items/{featureId}", specialise(itemPath, collection, List.of()));
        }
    }

    /**
     * Adds an extension's paths, parameters and schemas (its paths stay generic in {@code {collectionId}}: they are
     * the same for every collection). Redefining anything of the template is a programming error.
     */
    private void merge(String fragmentResource) {
        ObjectNode fragment = read(fragmentResource);
        for (String part : List.of("/paths", "/components/parameters", "/components/schemas")) {
            ObjectNode ours = (ObjectNode) template.at(part);
            for (Map.Entry<String, JsonNode> entry : fragment.at(part).properties()) {
                if (ours.has(entry.getKey())) {
                    throw new IllegalStateException(fragmentResource + " redefines " + part + "/" + entry.getKey());
                }
                ours.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is missing from the classpath", e);
        }
    }

    /**
     * One of the template's {@code /collections/{collectionId}} paths for {@code collection}: without the
     * {@code collectionId} parameter, with its queryables' parameters (components {@code <collectionId>.<name>},
     * else {@code <name>}), operation ids suffixed with the collection, and the writes only where it is writable.
     */
    private ObjectNode specialise(ObjectNode templatePath, FeatureCollections.Collection<?> collection,
            List<String> propertyParameters) {
        ObjectNode path = templatePath.deepCopy();
        for (String write : WRITES) {
            if (!collection.id().equals(FeatureWriteController.WRITABLE)) {
                path.remove(write);
            }
        }
        for (Map.Entry<String, JsonNode> operation : path.properties()) {
            ObjectNode op = (ObjectNode) operation.getValue();
            op.put("operationId", op.get("operationId").stringValue() + "_" + collection.id().replace('-', '_'));
            ArrayNode parameters = (ArrayNode) op.get("parameters");
            List<JsonNode> kept = new ArrayList<>();
            parameters.forEach(parameter -> {
                if (!parameter.path("$ref").stringValue("").endsWith("/collectionId")) {
                    kept.add(parameter);
                }
            });
            parameters.removeAll();
            parameters.addAll(kept);
            if (operation.getKey().equals("get")) {
                for (String name : propertyParameters) {
                    parameters.addObject().put("$ref", "#/components/parameters/" + queryableParameter(collection, name));
                }
            }
        }
        return path;
    }

    private String queryableParameter(FeatureCollections.Collection<?> collection, String name) {
        JsonNode parameters = template.at("/components/parameters");
        String specific = collection.id() + "." + name;
        if (parameters.has(specific)) {
            return specific;
        }
        if (parameters.has(name)) {
            return name;
        }
        throw new IllegalStateException("ogc/openapi.json describes no parameter " + specific + " or " + name);
    }

    byte[] render(String serverUrl) {
        ObjectNode document = template.deepCopy();
        ((ObjectNode) document.withArray("servers").get(0)).put("url", serverUrl);
        return JSON.writeValueAsBytes(document);
    }
}
