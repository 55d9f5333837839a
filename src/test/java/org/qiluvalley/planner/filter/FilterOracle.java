package org.qiluvalley.planner.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Geometry;

/**
 * The tests' own evaluation of a filter over a feature as an audience sees it (its served properties and its
 * geometry), in plain Java and JTS, independent of the SQL translation: CQL2's three-valued logic (OGC 21-065
 * clause 6), a property the feature does not carry is null.
 */
public final class FilterOracle {

    /**
     * A feature as one audience sees it.
     *
     * @param properties as served (a missing property is null); numbers as served, {@code updatedAt} as its string
     * @param crs84 the geometry in CRS84 (SRID 4326)
     * @param planar the geometry in EPSG:4548
     */
    public record Feature(String id, Map<String, Object> properties, Geometry crs84, Geometry planar) {
    }

    private FilterOracle() {
    }

    /** True when {@code filter} selects {@code feature} (true, not false or null). */
    public static boolean selects(Filter filter, Feature feature) {
        return Boolean.TRUE.equals(evaluate(filter, feature));
    }

    /** The ids {@code filter} selects among {@code features}, in their order. */
    public static List<String> select(Filter filter, List<Feature> features) {
        List<String> ids = new ArrayList<>();
        for (Feature feature : features) {
            if (selects(filter, feature)) {
                ids.add(feature.id());
            }
        }
        return ids;
    }

    /** TRUE, FALSE or null (unknown). */
    public static Boolean evaluate(Filter filter, Feature feature) {
        if (filter instanceof Filter.And and) {
            boolean unknown = false;
            for (Filter term : and.terms()) {
                Boolean value = evaluate(term, feature);
                if (Boolean.FALSE.equals(value)) {
                    return false;
                }
                unknown |= value == null;
            }
            return unknown ? null : true;
        }
        if (filter instanceof Filter.Or or) {
            boolean unknown = false;
            for (Filter term : or.terms()) {
                Boolean value = evaluate(term, feature);
                if (Boolean.TRUE.equals(value)) {
                    return true;
                }
                unknown |= value == null;
            }
            return unknown ? null : false;
        }
        if (filter instanceof Filter.Not not) {
            Boolean value = evaluate(not.term(), feature);
            return value == null ? null : !value;
        }
        if (filter instanceof Filter.Constant constant) {
            return constant.value();
        }
        if (filter instanceof Filter.Comparison c) {
            Object left = value(c.left(), feature, null);
            Object right = value(c.right(), feature, null);
            Integer order = compare(left, right);
            if (order == null) {
                return null;
            }
            return switch (c.operator()) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS -> order < 0;
                case GREATER -> order > 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
        if (filter instanceof Filter.Like like) {
            Object value = value(like.value(), feature, null);
            if (value == null) {
                return null;
            }
            boolean matches = regex(like.pattern()).matcher((String) value).matches();
            return like.negated() != matches;
        }
        if (filter instanceof Filter.Between between) {
            Object value = value(between.value(), feature, null);
            Integer low = compare(value, value(between.low(), feature, null));
            Integer high = compare(value, value(between.high(), feature, null));
            Boolean atLeast = low == null ? null : low >= 0;
            Boolean atMost = high == null ? null : high <= 0;
            Boolean inside = Boolean.FALSE.equals(atLeast) || Boolean.FALSE.equals(atMost) ? Boolean.FALSE
                    : atLeast == null || atMost == null ? null : Boolean.TRUE;
            return inside == null ? null : between.negated() != inside;
        }
        if (filter instanceof Filter.In in) {
            Object value = value(in.value(), feature, null);
            if (value == null) {
                return null;
            }
            boolean unknown = false;
            boolean found = false;
            for (Operand item : in.list()) {
                Integer order = compare(value, value(item, feature, null));
                if (order == null) {
                    unknown = true;
                } else if (order == 0) {
                    found = true;
                }
            }
            Boolean inList = found ? Boolean.TRUE : unknown ? null : Boolean.FALSE;
            return inList == null ? null : in.negated() != inList;
        }
        if (filter instanceof Filter.IsNull isNull) {
            boolean isNullValue = value(isNull.value(), feature, null) == null;
            return isNull.negated() != isNullValue;
        }
        Filter.Spatial spatial = (Filter.Spatial) filter;
        int srid = srid(spatial);
        Geometry left = (Geometry) value(spatial.left(), feature, srid);
        Geometry right = (Geometry) value(spatial.right(), feature, srid);
        if (left == null || right == null) {
            return null;
        }
        return spatial.operator() == Filter.SpatialOperator.WITHIN ? left.within(right) : left.intersects(right);
    }

    private static int srid(Filter.Spatial spatial) {
        for (Operand operand : List.of(spatial.left(), spatial.right())) {
            if (operand instanceof Operand.GeometryLiteral literal) {
                return literal.geometry().getSRID();
            }
        }
        return 4326;
    }

    private static Object value(Operand operand, Feature feature, Integer srid) {
        if (operand instanceof Operand.Property property) {
            if (property.name().equals("geometry")) {
                return srid != null && srid == 4548 ? feature.planar() : feature.crs84();
            }
            return feature.properties().get(property.name());
        }
        if (operand instanceof Operand.Text text) {
            return text.value();
        }
        if (operand instanceof Operand.Number number) {
            return number.value();
        }
        if (operand instanceof Operand.Bool bool) {
            return bool.value();
        }
        if (operand instanceof Operand.Timestamp timestamp) {
            return timestamp.value();
        }
        if (operand instanceof Operand.Date date) {
            return date.value();
        }
        return ((Operand.GeometryLiteral) operand).geometry();
    }

    /** The order of two values of one type; null when either is null. */
    private static Integer compare(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (left instanceof Number a && right instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y ? 0 : x < y ? -1 : 1;
        }
        if (left instanceof Instant || right instanceof Instant) {
            return instant(left).compareTo(instant(right));
        }
        if (left instanceof LocalDate a && right instanceof LocalDate b) {
            return a.compareTo(b);
        }
        if (left instanceof String a && right instanceof String b) {
            return Integer.signum(a.compareTo(b));
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return a.equals(b) ? 0 : 1;
        }
        throw new IllegalArgumentException("cannot compare " + left + " with " + right);
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : Instant.parse((String) value);
    }

    /** A CQL2 LIKE pattern as a regular expression over the whole value. */
    static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
