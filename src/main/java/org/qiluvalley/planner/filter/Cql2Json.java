package org.qiluvalley.planner.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CQL2-JSON filter ({@code filter-lang=cql2-json}, OGC 21-065 clause 8.3 and its JSON Schema
 * {@code cql2.json}) into the same {@link Filter} as {@link Cql2Text}: {@code {"op": ..., "args": [...]}} objects,
 * {@code {"property": ...}}, {@code {"timestamp": ...}}, {@code {"date": ...}}, {@code {"bbox": [...]}} and GeoJSON
 * geometries. The same {@link FilterLimits} hold; a member named twice, a member an object does not have, or
 * anything not supported is a 400 saying so.
 */
public final class Cql2Json {

    private static final JsonMapper DEFAULT_MAPPER = mapper(FilterLimits.DEFAULT.maxJsonDepth());

    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "^", "%", "div");

    private Cql2Json() {
    }

    private static JsonMapper mapper(int maxDepth) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Reads {@code json} with the default limits. */
    public static Filter parse(String json, FilterCrs crs) {
        return parse(json, crs, FilterLimits.DEFAULT);
    }

    /**
     * Reads {@code json}, a CQL2-JSON filter.
     *
     * @param crs the CRS of the geometry literals ({@code filter-crs}); {@link FilterCrs#CRS84} by default
     * @throws InvalidInputException when it is not a valid filter, uses what is not supported, or exceeds a limit
     */
    public static Filter parse(String json, FilterCrs crs, FilterLimits limits) {
        limits.checkLength(json);
        JsonMapper mapper = limits.maxJsonDepth() == FilterLimits.DEFAULT.maxJsonDepth() ? DEFAULT_MAPPER
                : mapper(limits.maxJsonDepth());
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            if (String.valueOf(e.getOriginalMessage()).contains("nesting depth")) {
                throw new InvalidInputException("the filter nests JSON arrays and objects deeper than "
                        + limits.maxJsonDepth() + " levels");
            }
            throw new InvalidInputException("the filter has a number longer than the JSON reader takes");
        } catch (JacksonException e) {
            throw new InvalidInputException("the filter is not valid JSON, or names a member twice");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidInputException("the filter is empty");
        }
        Filter filter = new Reader(new GeometryLiterals(crs, limits)).expression(tree);
        limits.check(filter);
        return filter;
    }

    private static final class Reader {

        private final GeometryLiterals geometries;

        Reader(GeometryLiterals geometries) {
            this.geometries = geometries;
        }

        Filter expression(JsonNode node) {
            if (node.isBoolean()) {
                return new Filter.Constant(node.booleanValue());
            }
            if (!node.isObject() || !node.has("op")) {
                throw new InvalidInputException("a CQL2-JSON expression is {\"op\": ..., \"args\": [...]} or a boolean");
            }
            String op = op(node);
            List<JsonNode> args = args(node, op);
            switch (op) {
                case "and", "or" -> {
                    if (args.size() < 2) {
                        throw new InvalidInputException("\"" + op + "\" takes two or more args");
                    }
                    List<Filter> terms = new ArrayList<>();
                    args.forEach(a -> terms.add(expression(a)));
                    return op.equals("and") ? new Filter.And(terms) : new Filter.Or(terms);
                }
                case "not" -> {
                    count(op, args, 1);
                    return new Filter.Not(expression(args.get(0)));
                }
                case "=", "<>", "<", ">", "<=", ">=" -> {
                    count(op, args, 2);
                    return new Filter.Comparison(operand(args.get(0)),
                            Filter.ComparisonOperator.fromSymbol(op).orElseThrow(), operand(args.get(1)));
                }
                case "like" -> {
                    count(op, args, 2);
                    return new Filter.Like(operand(args.get(0)), pattern(args.get(1)), false);
                }
                case "between" -> {
                    count(op, args, 3);
                    return new Filter.Between(operand(args.get(0)), operand(args.get(1)), operand(args.get(2)), false);
                }
                case "in" -> {
                    count(op, args, 2);
                    JsonNode list = args.get(1);
                    if (!list.isArray() || list.isEmpty()) {
                        throw new InvalidInputException("the second arg of \"in\" is a non-empty array of values");
                    }
                    List<Operand> values = new ArrayList<>();
                    list.values().forEach(v -> values.add(operand(v)));
                    return new Filter.In(operand(args.get(0)), values, false);
                }
                case "isNull" -> {
                    count(op, args, 1);
                    return new Filter.IsNull(operand(args.get(0)), false);
                }
                default -> {
                    if (op.startsWith("s_")) {
                        Filter.SpatialOperator operator = Filter.SpatialOperator.fromName(op)
                                .filter(o -> o.textName().toLowerCase(java.util.Locale.ROOT).equals(op))
                                .orElseThrow(() -> new InvalidInputException("\"" + clip(op) + "\" is not supported; "
                                        + "the spatial functions are s_intersects and s_within"));
                        count(op, args, 2);
                        return new Filter.Spatial(operator, geometryOperand(args.get(0)), geometryOperand(args.get(1)));
                    }
                    throw unsupported(op);
                }
            }
        }

        private static String op(JsonNode node) {
            JsonNode op = node.get("op");
            if (!op.isString()) {
                throw new InvalidInputException("\"op\" is a string");
            }
            for (String name : node.propertyNames()) {
                if (!name.equals("op") && !name.equals("args")) {
                    throw new InvalidInputException("an {\"op\": ...} object has only \"op\" and \"args\", not \""
                            + clip(name) + "\"");
                }
            }
            return op.stringValue();
        }

        private static List<JsonNode> args(JsonNode node, String op) {
            JsonNode args = node.get("args");
            if (args == null || !args.isArray()) {
                throw new InvalidInputException("\"" + clip(op) + "\" needs an \"args\" array");
            }
            return new ArrayList<>(args.values());
        }

        private static void count(String op, List<JsonNode> args, int expected) {
            if (args.size() != expected) {
                throw new InvalidInputException("\"" + op + "\" takes " + expected + (expected == 1 ? " arg" : " args"));
            }
        }

        private static InvalidInputException unsupported(String op) {
            if (op.equals("casei") || op.equals("accenti")) {
                return new InvalidInputException("CASEI and ACCENTI are not supported");
            }
            if (ARITHMETIC.contains(op)) {
                return new InvalidInputException("arithmetic is not supported in a filter");
            }
            return new InvalidInputException("\"" + clip(op) + "\" is not supported in a filter");
        }

        private String pattern(JsonNode node) {
            if (node.isString()) {
                return node.stringValue();
            }
            if (node.isObject() && node.has("op")) {
                throw unsupported(op(node));
            }
            throw new InvalidInputException("a \"like\" pattern is a string");
        }

        private Operand operand(JsonNode node) {
            if (node.isString()) {
                return new Operand.Text(node.stringValue());
            }
            if (node.isNumber()) {
                double value = node.doubleValue();
                if (!Double.isFinite(value)) {
                    throw new InvalidInputException("a number in the filter is out of range");
                }
                return new Operand.Number(value);
            }
            if (node.isBoolean()) {
                return new Operand.Bool(node.booleanValue());
            }
            if (node.isObject()) {
                if (node.has("op")) {
                    throw unsupported(op(node));
                }
                if (node.has("property")) {
                    return property(node);
                }
                if (node.has("timestamp")) {
                    return Cql2Text.timestamp(single(node, "timestamp").stringValue());
                }
                if (node.has("date")) {
                    return Cql2Text.date(single(node, "date").stringValue());
                }
                if (node.has("interval")) {
                    throw new InvalidInputException("intervals are not supported in a filter");
                }
            }
            if (node.isArray()) {
                throw new InvalidInputException("arrays are not supported in a filter, but as the list of \"in\"");
            }
            throw new InvalidInputException("an operand is a string, a number, a boolean, {\"property\": ...}, "
                    + "{\"timestamp\": ...} or {\"date\": ...}");
        }

        /** The only member of {@code node}, a string. */
        private static JsonNode single(JsonNode node, String name) {
            if (node.size() != 1) {
                throw new InvalidInputException("a {\"" + name + "\": ...} object has no other member");
            }
            JsonNode value = node.get(name);
            if (!value.isString()) {
                throw new InvalidInputException("\"" + name + "\" is a string");
            }
            return value;
        }

        private static Operand.Property property(JsonNode node) {
            return new Operand.Property(single(node, "property").stringValue());
        }

        private Operand geometryOperand(JsonNode node) {
            if (node.isObject() && node.has("property")) {
                return property(node);
            }
            if (node.isObject() && node.has("bbox") && !node.has("type")) {
                if (node.size() != 1) {
                    throw new InvalidInputException("a {\"bbox\": [...]} object has no other member");
                }
                JsonNode bbox = node.get("bbox");
                if (!bbox.isArray() || (bbox.size() != 4 && bbox.size() != 6)) {
                    throw new InvalidInputException("a bbox is an array of 4 or 6 numbers");
                }
                double[] values = new double[bbox.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = number(bbox.get(i));
                }
                return geometries.literal(geometries.bbox(values));
            }
            if (node.isObject() && node.has("type")) {
                return geometries.literal(geometry(node));
            }
            if (node.isObject() && node.has("op")) {
                throw unsupported(op(node));
            }
            throw new InvalidInputException("a spatial operand is {\"property\": ...}, a GeoJSON geometry or "
                    + "{\"bbox\": [...]}");
        }

        private Geometry geometry(JsonNode node) {
            JsonNode type = node.get("type");
            if (!type.isString()) {
                throw new InvalidInputException("a GeoJSON geometry's \"type\" is a string");
            }
            if (type.stringValue().equals("GeometryCollection")) {
                throw new InvalidInputException("GeometryCollection is not supported in a filter");
            }
            for (String name : node.propertyNames()) {
                if (!name.equals("type") && !name.equals("coordinates") && !name.equals("bbox")) {
                    throw new InvalidInputException("a GeoJSON geometry in the filter has only \"type\", "
                            + "\"coordinates\" and \"bbox\", not \"" + clip(name) + "\"");
                }
            }
            JsonNode coordinates = node.get("coordinates");
            if (coordinates == null || !coordinates.isArray()) {
                throw new InvalidInputException("a GeoJSON geometry in the filter has no \"coordinates\" array");
            }
            return switch (type.stringValue()) {
                case "Point" -> geometries.point(position(coordinates));
                case "LineString" -> geometries.lineString(positions(coordinates));
                case "Polygon" -> polygon(coordinates);
                case "MultiPoint" -> {
                    List<Point> points = new ArrayList<>();
                    for (JsonNode p : array(coordinates)) {
                        points.add(geometries.point(position(p)));
                    }
                    yield geometries.multiPoint(points);
                }
                case "MultiLineString" -> {
                    List<LineString> lines = new ArrayList<>();
                    for (JsonNode l : array(coordinates)) {
                        lines.add(geometries.lineString(positions(l)));
                    }
                    yield geometries.multiLineString(lines);
                }
                case "MultiPolygon" -> {
                    List<Polygon> polygons = new ArrayList<>();
                    for (JsonNode p : array(coordinates)) {
                        polygons.add(polygon(p));
                    }
                    yield geometries.multiPolygon(polygons);
                }
                default -> throw new InvalidInputException("\"" + clip(type.stringValue())
                        + "\" is not a GeoJSON geometry type");
            };
        }

        private Polygon polygon(JsonNode rings) {
            List<List<Coordinate>> result = new ArrayList<>();
            for (JsonNode ring : array(rings)) {
                result.add(positions(ring));
            }
            return geometries.polygon(result);
        }

        private List<Coordinate> positions(JsonNode node) {
            List<Coordinate> result = new ArrayList<>();
            for (JsonNode p : array(node)) {
                result.add(position(p));
            }
            return result;
        }

        private Coordinate position(JsonNode node) {
            if (!node.isArray() || node.size() < 2 || node.size() > 3) {
                throw new InvalidInputException("a GeoJSON position is an array of 2 or 3 numbers");
            }
            return geometries.position(number(node.get(0)), number(node.get(1)));
        }

        private static List<JsonNode> array(JsonNode node) {
            if (!node.isArray()) {
                throw new InvalidInputException("GeoJSON coordinates in the filter are nested arrays");
            }
            return new ArrayList<>(node.values());
        }

        private static double number(JsonNode node) {
            if (node == null || !node.isNumber()) {
                throw new InvalidInputException("coordinates in the filter are numbers");
            }
            return node.doubleValue();
        }
    }

    private static String clip(String text) {
        return RefusedException.clip(text);
    }
}
