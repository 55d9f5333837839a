package org.qiluvalley.planner.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 definition served at {@code /ogc/api}: {@code ogc/openapi.json}, with the server URL of the
 * request and the collection ids of the registry filled in. Self-contained on purpose: it references no schema on
 * the internet, so the service (and OGC's test suite) works in a closed network.
 */
@Component
class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode template;

    OpenApiDocument(FeatureCollections collections) {
        try (InputStream in = new ClassPathResource("ogc/openapi.json").getInputStream()) {
            template = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("ogc/openapi.json is missing from the classpath", e);
        }
        ArrayNode ids = (ArrayNode) template.at("/components/parameters/collectionId/schema/enum");
        collections.all().forEach(c -> ids.add(c.id()));
    }

    byte[] render(String serverUrl) {
        ObjectNode document = template.deepCopy();
        ((ObjectNode) document.withArray("servers").get(0)).put("url", serverUrl);
        return JSON.writeValueAsBytes(document);
    }
}
