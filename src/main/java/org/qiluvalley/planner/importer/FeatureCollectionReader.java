package org.qiluvalley.planner.importer;

import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection one feature at a time with Jackson's streaming parser: the parser is positioned
 * on the {@code features} array and each element is read as a small tree, so memory does not grow with the file.
 *
 * <p>Structural problems of the document (not JSON, not a FeatureCollection, truncated) are thrown as
 * {@link FileFormatException}; problems of one feature are left to the validator, so that they reject that feature
 * only. RFC 7946 does not fix the order of members: a {@code "type"} member that comes before {@code "features"}
 * is checked before anything is imported; one that comes after is checked at the end by {@link #finish()}.
 */
final class FeatureCollectionReader implements AutoCloseable {

    /**
     * {@code NaN} and {@code Infinity} are not JSON, but Python's {@code json.dump} writes them by default. Reading
     * them as numbers makes such a feature a reject ("coordinates must be finite") instead of stopping the import.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final CountingInputStream in;
    private final JsonParser parser;
    private boolean typeSeen;
    private long nextIndex;

    /** Opens the document and positions the parser on the first feature. */
    FeatureCollectionReader(CountingInputStream in) {
        this.in = in;
        this.parser = parse(() -> JSON.createParser((InputStream) in));
        parse(() -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FileFormatException("not a GeoJSON FeatureCollection: the document is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("features".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new FileFormatException("not a GeoJSON FeatureCollection: \"features\" is not an array");
                    }
                    return null;
                }
                member(name, value);
            }
            throw new FileFormatException("not a GeoJSON FeatureCollection: it has no \"features\" array");
        });
    }

    /** Index (0-based) in the {@code features} array of the element {@link #next()} returns next. */
    long nextIndex() {
        return nextIndex;
    }

    /**
     * The next element of the {@code features} array as a tree (whatever it is: an object, or a number a broken
     * file holds there), or null after the last.
     */
    JsonNode next() {
        return parse(() -> {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                return null;
            }
            if (token == null) {
                throw new FileFormatException("the file ends inside the \"features\" array (truncated?)");
            }
            in.startFeature();
            try {
                JsonNode feature = parser.readValueAsTree();
                nextIndex++;
                return feature;
            } finally {
                in.endFeature();
            }
        });
    }

    /** Reads the members after {@code features} and checks the document's type and end. */
    void finish() {
        parse(() -> {
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                member(name, parser.nextToken());
            }
            if (token != JsonToken.END_OBJECT) {
                throw new FileFormatException("the file ends before the FeatureCollection is closed (truncated?)");
            }
            if (!typeSeen) {
                throw new FileFormatException("not a GeoJSON FeatureCollection: it has no \"type\" member");
            }
            if (parser.nextToken() != null) {
                throw new FileFormatException("there is more content after the end of the FeatureCollection");
            }
            return null;
        });
    }

    private void member(String name, JsonToken value) {
        if ("type".equals(name)) {
            if (value != JsonToken.VALUE_STRING || !"FeatureCollection".equals(parser.getString())) {
                throw new FileFormatException("not a GeoJSON FeatureCollection: its \"type\" is "
                        + (value == JsonToken.VALUE_STRING ? "\"" + Texts.clip(parser.getString()) + "\"" : "not a string"));
            }
            typeSeen = true;
        } else {
            // bbox, name, crs and foreign members: not needed, skipped without building them.
            parser.skipChildren();
        }
    }

    @Override
    public void close() {
        parser.close();
    }

    private <T> T parse(ParserStep<T> step) {
        try {
            return step.run();
        } catch (CountingInputStream.FeatureTooLargeException e) {
            throw new FileFormatException("feature at index " + nextIndex + " spans more than " + e.limit()
                    + " bytes, far more than any parcel outline; it is not read into memory");
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new FileFormatException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    @FunctionalInterface
    private interface ParserStep<T> {
        T run();
    }

    /** The document as a whole is not a readable GeoJSON FeatureCollection. */
    static final class FileFormatException extends RuntimeException {
        FileFormatException(String message) {
            super(message);
        }
    }
}
