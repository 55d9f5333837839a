package org.qiluvalley.planner.filter;

import java.util.Locale;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Filter} as CQL2-Text and as CQL2-JSON, for tests that read it back with the parsers. A rectangle
 * (as a BBOX reads) is written as a BBOX. With a {@link Random}, the text varies what CQL2 lets vary: keyword case,
 * quoted property names, {@code Z} geometries, whitespace.
 */
public final class FilterWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory PLAIN = new GeometryFactory();

    private FilterWriter() {
    }

    public static String text(Filter filter) {
        return text(filter, null);
    }

    public static String text(Filter filter, Random style) {
        StringBuilder out = new StringBuilder();
        new Text(style, out).filter(filter);
        return out.toString();
    }

    public static String json(Filter filter) {
        return JSON.writeValueAsString(new Json().filter(filter));
    }

    private record Text(Random style, StringBuilder out) {

        void keyword(String word) {
            out.append(style == null || style.nextBoolean() ? word : word.toLowerCase(Locale.ROOT));
        }

        void space() {
            out.append(style != null && style.nextInt(5) == 0 ? "  \n " : " ");
        }

        void filter(Filter filter) {
            if (filter instanceof Filter.And and) {
                junction(and.terms(), "AND");
            } else if (filter instanceof Filter.Or or) {
                junction(or.terms(), "OR");
            } else if (filter instanceof Filter.Not not) {
                keyword("NOT");
                out.append(" (");
                filter(not.term());
                out.append(')');
            } else if (filter instanceof Filter.Constant constant) {
                keyword(constant.value() ? "TRUE" : "FALSE");
            } else if (filter instanceof Filter.Comparison c) {
                operand(c.left());
                space();
                out.append(c.operator().symbol());
                space();
                operand(c.right());
            } else if (filter instanceof Filter.Like like) {
                operand(like.value());
                space();
                if (like.negated()) {
                    keyword("NOT");
                    space();
                }
                keyword("LIKE");
                space();
                string(like.pattern());
            } else if (filter instanceof Filter.Between between) {
                operand(between.value());
                space();
                if (between.negated()) {
                    keyword("NOT");
                    space();
                }
                keyword("BETWEEN");
                space();
                operand(between.low());
                space();
                keyword("AND");
                space();
                operand(between.high());
            } else if (filter instanceof Filter.In in) {
                operand(in.value());
                space();
                if (in.negated()) {
                    keyword("NOT");
                    space();
                }
                keyword("IN");
                out.append(" (");
                for (int i = 0; i < in.list().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    operand(in.list().get(i));
                }
                out.append(')');
            } else if (filter instanceof Filter.IsNull isNull) {
                operand(isNull.value());
                space();
                keyword("IS");
                space();
                if (isNull.negated()) {
                    keyword("NOT");
                    space();
                }
                keyword("NULL");
            } else if (filter instanceof Filter.Spatial spatial) {
                keyword(spatial.operator().textName());
                out.append('(');
                operand(spatial.left());
                out.append(", ");
                operand(spatial.right());
                out.append(')');
            }
        }

        void junction(java.util.List<Filter> terms, String keyword) {
            out.append('(');
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0) {
                    space();
                    keyword(keyword);
                    space();
                }
                filter(terms.get(i));
            }
            out.append(')');
        }

        void operand(Operand operand) {
            if (operand instanceof Operand.Property property) {
                if (style != null && style.nextBoolean()) {
                    out.append('"').append(property.name()).append('"');
                } else {
                    out.append(property.name());
                }
            } else if (operand instanceof Operand.Text text) {
                string(text.value());
            } else if (operand instanceof Operand.Number number) {
                out.append(number(number.value()));
            } else if (operand instanceof Operand.Bool bool) {
                keyword(bool.value() ? "TRUE" : "FALSE");
            } else if (operand instanceof Operand.Timestamp timestamp) {
                keyword("TIMESTAMP");
                out.append("('").append(timestamp.value()).append("')");
            } else if (operand instanceof Operand.Date date) {
                keyword("DATE");
                out.append("('").append(date.value()).append("')");
            } else {
                geometry(((Operand.GeometryLiteral) operand).geometry());
            }
        }

        /** A character literal: a quote doubled, a backslash escaped (the parser reads {@code \\} as one). */
        void string(String value) {
            out.append('\'').append(value.replace("\\", "\\\\").replace("'", style != null && style.nextBoolean()
                    ? "\\'" : "''")).append('\'');
        }

        void geometry(Geometry geometry) {
            if (isRectangle(geometry)) {
                Envelope e = geometry.getEnvelopeInternal();
                keyword("BBOX");
                out.append('(').append(number(e.getMinX())).append(", ").append(number(e.getMinY())).append(", ")
                        .append(number(e.getMaxX())).append(", ").append(number(e.getMaxY())).append(')');
                return;
            }
            boolean z = style != null && style.nextInt(4) == 0;
            String tag = geometry.getGeometryType().toUpperCase(Locale.ROOT);
            keyword(tag);
            if (z) {
                out.append(" Z");
            }
            out.append(' ');
            body(geometry, z);
        }

        void body(Geometry geometry, boolean z) {
            if (geometry instanceof Point point) {
                out.append('(');
                position(point.getCoordinate(), z);
                out.append(')');
            } else if (geometry instanceof LineString line) {
                positions(line.getCoordinates(), z);
            } else if (geometry instanceof Polygon polygon) {
                out.append('(');
                positions(polygon.getExteriorRing().getCoordinates(), z);
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    out.append(", ");
                    positions(polygon.getInteriorRingN(i).getCoordinates(), z);
                }
                out.append(')');
            } else if (geometry instanceof MultiPoint || geometry instanceof MultiLineString
                    || geometry instanceof MultiPolygon) {
                out.append('(');
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    body(geometry.getGeometryN(i), z);
                }
                out.append(')');
            }
        }

        void positions(Coordinate[] coordinates, boolean z) {
            out.append('(');
            for (int i = 0; i < coordinates.length; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                position(coordinates[i], z);
            }
            out.append(')');
        }

        void position(Coordinate c, boolean z) {
            out.append(number(c.x)).append(' ').append(number(c.y));
            if (z) {
                out.append(" 12.5");
            }
        }
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    /** True for the polygon a BBOX reads as (the rectangle of JTS's {@code toGeometry}). */
    static boolean isRectangle(Geometry geometry) {
        return geometry instanceof Polygon && geometry.getNumPoints() == 5
                && PLAIN.toGeometry(geometry.getEnvelopeInternal()).equalsExact(geometry);
    }

    private static final class Json {

        ObjectNode op(String op) {
            ObjectNode node = JSON.createObjectNode();
            node.put("op", op);
            node.putArray("args");
            return node;
        }

        tools.jackson.databind.JsonNode filter(Filter filter) {
            if (filter instanceof Filter.And and) {
                ObjectNode node = op("and");
                and.terms().forEach(t -> ((ArrayNode) node.get("args")).add(filter(t)));
                return node;
            }
            if (filter instanceof Filter.Or or) {
                ObjectNode node = op("or");
                or.terms().forEach(t -> ((ArrayNode) node.get("args")).add(filter(t)));
                return node;
            }
            if (filter instanceof Filter.Not not) {
                return negated(filter(not.term()), true);
            }
            if (filter instanceof Filter.Constant constant) {
                return JSON.getNodeFactory().booleanNode(constant.value());
            }
            if (filter instanceof Filter.Comparison c) {
                ObjectNode node = op(c.operator().symbol());
                args(node).add(operand(c.left())).add(operand(c.right()));
                return node;
            }
            if (filter instanceof Filter.Like like) {
                ObjectNode node = op("like");
                args(node).add(operand(like.value())).add(like.pattern());
                return negated(node, like.negated());
            }
            if (filter instanceof Filter.Between between) {
                ObjectNode node = op("between");
                args(node).add(operand(between.value())).add(operand(between.low())).add(operand(between.high()));
                return negated(node, between.negated());
            }
            if (filter instanceof Filter.In in) {
                ObjectNode node = op("in");
                ArrayNode list = JSON.createArrayNode();
                in.list().forEach(v -> list.add(operand(v)));
                args(node).add(operand(in.value())).add(list);
                return negated(node, in.negated());
            }
            if (filter instanceof Filter.IsNull isNull) {
                ObjectNode node = op("isNull");
                args(node).add(operand(isNull.value()));
                return negated(node, isNull.negated());
            }
            Filter.Spatial spatial = (Filter.Spatial) filter;
            ObjectNode node = op(spatial.operator().textName().toLowerCase(Locale.ROOT));
            args(node).add(operand(spatial.left())).add(operand(spatial.right()));
            return node;
        }

        static ArrayNode args(ObjectNode node) {
            return (ArrayNode) node.get("args");
        }

        tools.jackson.databind.JsonNode negated(tools.jackson.databind.JsonNode node, boolean negated) {
            if (!negated) {
                return node;
            }
            ObjectNode not = op("not");
            args(not).add(node);
            return not;
        }

        tools.jackson.databind.JsonNode operand(Operand operand) {
            if (operand instanceof Operand.Property property) {
                return JSON.createObjectNode().put("property", property.name());
            }
            if (operand instanceof Operand.Text text) {
                return JSON.getNodeFactory().stringNode(text.value());
            }
            if (operand instanceof Operand.Number number) {
                return JSON.getNodeFactory().numberNode(number.value());
            }
            if (operand instanceof Operand.Bool bool) {
                return JSON.getNodeFactory().booleanNode(bool.value());
            }
            if (operand instanceof Operand.Timestamp timestamp) {
                return JSON.createObjectNode().put("timestamp", timestamp.value().toString());
            }
            if (operand instanceof Operand.Date date) {
                return JSON.createObjectNode().put("date", date.value().toString());
            }
            return geometry(((Operand.GeometryLiteral) operand).geometry());
        }

        ObjectNode geometry(Geometry geometry) {
            ObjectNode node = JSON.createObjectNode();
            if (isRectangle(geometry)) {
                Envelope e = geometry.getEnvelopeInternal();
                node.putArray("bbox").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
                return node;
            }
            node.put("type", geometry.getGeometryType());
            node.set("coordinates", coordinates(geometry));
            return node;
        }

        ArrayNode coordinates(Geometry geometry) {
            ArrayNode array = JSON.createArrayNode();
            if (geometry instanceof Point point) {
                return position(point.getCoordinate());
            }
            if (geometry instanceof LineString line) {
                for (Coordinate c : line.getCoordinates()) {
                    array.add(position(c));
                }
                return array;
            }
            if (geometry instanceof Polygon polygon) {
                array.add(coordinates(polygon.getExteriorRing()));
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    array.add(coordinates(polygon.getInteriorRingN(i)));
                }
                return array;
            }
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                array.add(coordinates(geometry.getGeometryN(i)));
            }
            return array;
        }

        ArrayNode position(Coordinate c) {
            return JSON.createArrayNode().add(c.x).add(c.y);
        }
    }
}
