package org.qiluvalley.planner.web;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reader of JSON request bodies. Strict where a lenient reader would let two clients' views of one body
 * differ: a member named twice ({@code {"role": "investor", "role": "admin"}}) is refused, not resolved to the last
 * one; anything after the top-level value is refused; nesting is bounded (a GeoJSON polygon is six levels deep), so a
 * body of brackets cannot cost a deep recursion. The body itself was read within its endpoint's size limit
 * ({@link RequestBodyLimits}).
 */
public final class JsonBodies {

    /** Deeper than any body the service accepts (a Feature with a MultiPolygon is 7 levels); bounded by Jackson. */
    static final int MAX_NESTING_DEPTH = 32;

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /**
     * The body as a JSON tree; an empty body is a {@code MissingNode}.
     *
     * @throws RefusedException 400 when it is not one well-formed JSON value with every member named once
     */
    public static JsonNode tree(byte[] body) {
        try {
            return STRICT.readTree(body);
        } catch (RuntimeException e) {
            throw new InvalidInputException("the body is not valid JSON, or names a member twice");
        }
    }
}
