package org.qiluvalley.planner.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Random filters over one collection's queryables for one audience, built from the values the audience's features
 * carry (so that they select some features and not others): every operator, negations, nesting, property-property
 * comparisons, literals on either side, and spatial predicates with every kind of geometry literal in the target
 * CRS of {@code crs}. Every filter it makes is one {@link Queryables#bind} accepts.
 */
public final class RandomFilters {

    private static final GeometryFactory PLAIN = new GeometryFactory();
    private static final List<String> ODD_STRINGS = List.of("", "x' OR 1=1 --", "'; DROP TABLE parcels; --", "%", "_",
            "\\", "a\\%b", "激光", "Laser", "laser", "zzz", "0", "100", "unavailable", "available ");

    private final Queryables queryables;
    private final Audience audience;
    private final Random random;
    private final FilterCrs.Target target;
    private final Envelope extent;
    private final List<Queryable> scalars = new ArrayList<>();
    private final Map<String, List<Object>> samples = new LinkedHashMap<>();

    /**
     * @param features the features as {@code audience} sees them (their values are the samples)
     * @param target the CRS of the geometry literals
     */
    public RandomFilters(Queryables queryables, Audience audience, List<FilterOracle.Feature> features,
            FilterCrs.Target target, Random random) {
        this.queryables = queryables;
        this.audience = audience;
        this.random = random;
        this.target = target;
        this.extent = new Envelope();
        for (FilterOracle.Feature feature : features) {
            extent.expandToInclude((target == FilterCrs.Target.CRS84 ? feature.crs84() : feature.planar())
                    .getEnvelopeInternal());
        }
        extent.expandBy(extent.getWidth() * 0.05, extent.getHeight() * 0.05);
        for (Queryable q : queryables.visibleTo(audience)) {
            if (q.type() == Queryable.Type.GEOMETRY) {
                continue;
            }
            scalars.add(q);
            List<Object> values = new ArrayList<>();
            for (FilterOracle.Feature feature : features) {
                Object value = feature.properties().get(q.name());
                if (value != null) {
                    values.add(value);
                }
            }
            samples.put(q.name(), values);
        }
    }

    /** A filter nested at most {@code depth} levels of AND, OR and NOT. */
    public Filter next(int depth) {
        if (depth <= 1 || random.nextInt(10) < 4) {
            return leaf();
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Filter.And(terms(depth - 1));
            case 1 -> new Filter.Or(terms(depth - 1));
            default -> new Filter.Not(next(depth - 1));
        };
    }

    private List<Filter> terms(int depth) {
        List<Filter> terms = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            terms.add(next(depth));
        }
        return terms;
    }

    private Filter leaf() {
        int kind = random.nextInt(100);
        if (kind < 3) {
            return new Filter.Constant(random.nextBoolean());
        }
        if (kind < 22) {
            return spatial();
        }
        Queryable q = scalars.get(random.nextInt(scalars.size()));
        Operand.Property property = new Operand.Property(q.name());
        switch (q.type()) {
            case STRING -> {
                int choice = random.nextInt(10);
                if (choice < 4) {
                    return compare(property, literal(q));
                }
                if (choice < 6) {
                    return new Filter.Like(property, pattern(q), random.nextInt(4) == 0);
                }
                if (choice < 8) {
                    return in(property, q);
                }
                if (choice < 9) {
                    return new Filter.IsNull(property, random.nextBoolean());
                }
                List<Queryable> others = scalars.stream().filter(o -> o.type() == Queryable.Type.STRING).toList();
                return new Filter.Comparison(property, operator(),
                        new Operand.Property(others.get(random.nextInt(others.size())).name()));
            }
            case NUMBER, INTEGER -> {
                int choice = random.nextInt(10);
                if (choice < 4) {
                    return compare(property, literal(q));
                }
                if (choice < 6) {
                    double a = number(q);
                    double b = number(q);
                    return new Filter.Between(property, new Operand.Number(Math.min(a, b)),
                            new Operand.Number(random.nextInt(8) == 0 ? Math.min(a, b) - 1 : Math.max(a, b)),
                            random.nextInt(4) == 0);
                }
                if (choice < 8) {
                    return in(property, q);
                }
                if (choice < 9) {
                    return new Filter.IsNull(property, random.nextBoolean());
                }
                List<Queryable> others = scalars.stream().filter(o -> o.type().numeric()).toList();
                return new Filter.Comparison(property, operator(),
                        new Operand.Property(others.get(random.nextInt(others.size())).name()));
            }
            case BOOLEAN -> {
                return new Filter.Comparison(property, random.nextBoolean() ? Filter.ComparisonOperator.EQUAL
                        : Filter.ComparisonOperator.NOT_EQUAL, new Operand.Bool(random.nextBoolean()));
            }
            case TIMESTAMP -> {
                Instant base = samples.get(q.name()).isEmpty() ? Instant.parse("2026-01-01T00:00:00Z")
                        : Instant.parse((String) pick(samples.get(q.name())));
                Instant instant = base.plusSeconds(random.nextInt(3) * 3600L - 3600L);
                return compare(property, new Operand.Timestamp(instant));
            }
            default -> throw new IllegalStateException(q.type().toString());
        }
    }

    private Filter compare(Operand.Property property, Operand literal) {
        Filter.ComparisonOperator operator = operator();
        if (literal instanceof Operand.Bool) {
            operator = Filter.ComparisonOperator.EQUAL;
        }
        return random.nextInt(4) == 0 ? new Filter.Comparison(literal, operator, property)
                : new Filter.Comparison(property, operator, literal);
    }

    private Filter in(Operand.Property property, Queryable q) {
        List<Operand> list = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            list.add(literal(q));
        }
        return new Filter.In(property, list, random.nextInt(4) == 0);
    }

    private Filter.ComparisonOperator operator() {
        Filter.ComparisonOperator[] all = Filter.ComparisonOperator.values();
        // Equality twice as often as each order.
        int i = random.nextInt(all.length + 2);
        return i >= all.length ? Filter.ComparisonOperator.EQUAL : all[i];
    }

    private Operand literal(Queryable q) {
        if (q.type().numeric()) {
            return new Operand.Number(number(q));
        }
        List<String> values = q.valuesFor(audience);
        if (!values.isEmpty()) {
            return new Operand.Text(values.get(random.nextInt(values.size())));
        }
        return new Operand.Text(string(q));
    }

    private String string(Queryable q) {
        List<Object> values = samples.get(q.name());
        int choice = random.nextInt(10);
        if (choice < 6 && !values.isEmpty()) {
            String value = (String) pick(values);
            if (choice == 5 && !value.isEmpty()) {
                return value.substring(0, 1 + random.nextInt(value.length()));
            }
            return value;
        }
        return ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
    }

    private double number(Queryable q) {
        List<Object> values = samples.get(q.name());
        if (values.isEmpty() || random.nextInt(5) == 0) {
            return q.type() == Queryable.Type.INTEGER ? random.nextInt(5) : random.nextInt(20000) / 8.0;
        }
        double value = ((Number) pick(values)).doubleValue();
        return switch (random.nextInt(4)) {
            case 0 -> value + 0.5;
            case 1 -> value - 0.25;
            default -> value;
        };
    }

    /** A LIKE pattern from a sample value: exact, a prefix, a suffix, a middle, with _ and escapes. */
    private String pattern(Queryable q) {
        List<Object> values = samples.get(q.name());
        String value = values.isEmpty() || random.nextInt(8) == 0
                ? ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())) : (String) pick(values);
        int cut = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
        String pattern = switch (random.nextInt(5)) {
            case 0 -> escape(value);
            case 1 -> escape(value.substring(0, cut)) + "%";
            case 2 -> "%" + escape(value.substring(cut));
            case 3 -> "%" + escape(value.substring(cut / 2, cut)) + "%";
            default -> value.isEmpty() ? "_%" : escape(value.substring(0, cut)) + "_"
                    + escape(value.substring(Math.min(value.length(), cut + 1)));
        };
        return pattern;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Filter spatial() {
        Filter.SpatialOperator operator = random.nextInt(3) == 0 ? Filter.SpatialOperator.WITHIN
                : Filter.SpatialOperator.INTERSECTS;
        Operand geometry = new Operand.Property("geometry");
        Operand literal = new Operand.GeometryLiteral(geometry());
        if (operator == Filter.SpatialOperator.WITHIN) {
            // A feature within a literal, or (rarely) a literal within a feature.
            return random.nextInt(5) == 0 ? new Filter.Spatial(operator, literal, geometry)
                    : new Filter.Spatial(operator, geometry, literal);
        }
        return random.nextBoolean() ? new Filter.Spatial(operator, geometry, literal)
                : new Filter.Spatial(operator, literal, geometry);
    }

    /** A random literal in the extent, in the target CRS (with its SRID). */
    public Geometry geometry() {
        Geometry geometry = switch (random.nextInt(8)) {
            case 0 -> PLAIN.createPoint(point());
            case 1 -> PLAIN.createLineString(new Coordinate[] {point(), point(), point()});
            case 2 -> polygon();
            case 3 -> PLAIN.createMultiPoint(new Point[] {PLAIN.createPoint(point()), PLAIN.createPoint(point())});
            case 4 -> PLAIN.createMultiLineString(new LineString[] {
                PLAIN.createLineString(new Coordinate[] {point(), point()}),
                PLAIN.createLineString(new Coordinate[] {point(), point(), point()})});
            case 5 -> twoBoxes();
            default -> PLAIN.toGeometry(box(extent));
        };
        geometry.setSRID(target.srid());
        return geometry;
    }

    private Coordinate point() {
        return new Coordinate(extent.getMinX() + random.nextDouble() * extent.getWidth(),
                extent.getMinY() + random.nextDouble() * extent.getHeight());
    }

    private Envelope box(Envelope within) {
        double w = within.getWidth() * (0.05 + random.nextDouble() * 0.5);
        double h = within.getHeight() * (0.05 + random.nextDouble() * 0.5);
        double x = within.getMinX() + random.nextDouble() * (within.getWidth() - w);
        double y = within.getMinY() + random.nextDouble() * (within.getHeight() - h);
        return new Envelope(x, x + w, y, y + h);
    }

    private Geometry polygon() {
        Geometry hull = PLAIN.createMultiPoint(new Point[] {PLAIN.createPoint(point()), PLAIN.createPoint(point()),
            PLAIN.createPoint(point()), PLAIN.createPoint(point()), PLAIN.createPoint(point())}).convexHull();
        return hull instanceof Polygon ? hull : PLAIN.toGeometry(box(extent));
    }

    private Geometry twoBoxes() {
        double split = extent.getMinX() + extent.getWidth() * (0.3 + random.nextDouble() * 0.4);
        Envelope left = new Envelope(extent.getMinX(), split - extent.getWidth() * 0.01, extent.getMinY(),
                extent.getMaxY());
        Envelope right = new Envelope(split + extent.getWidth() * 0.01, extent.getMaxX(), extent.getMinY(),
                extent.getMaxY());
        return PLAIN.createMultiPolygon(new Polygon[] {(Polygon) PLAIN.toGeometry(box(left)),
            (Polygon) PLAIN.toGeometry(box(right))});
    }

    private Object pick(List<Object> values) {
        return values.get(random.nextInt(values.size()));
    }

    public Queryables queryables() {
        return queryables;
    }
}
