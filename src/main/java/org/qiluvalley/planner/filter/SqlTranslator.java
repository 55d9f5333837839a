package org.qiluvalley.planner.filter;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a checked filter as SQL for one audience. Column names come only from {@link Queryables}, every literal
 * is a {@code ?} with its value in the parameter list, and what the public sees is computed in SQL exactly as the
 * API shows it: a parcel's land use and indicators only when it is available, its status as {@code available} or
 * {@code unavailable}, {@code areaM2} rounded as served, no withdrawn parcel. SQL's three-valued logic is CQL2's
 * (OGC 21-065 clause 6): a hidden value is null, and a comparison with null selects nothing, also under NOT.
 */
final class SqlTranslator {

    private static final String AVAILABLE = "'available'";

    private final Queryables queryables;
    private final Audience audience;
    private final SqlFilter.Dialect dialect;
    private final TypeCheck types;
    private final Set<String> columns = new TreeSet<>();
    private FilterCrs.Target geometryTarget;

    SqlTranslator(Queryables queryables, Audience audience, SqlFilter.Dialect dialect) {
        this.queryables = queryables;
        this.audience = audience;
        this.dialect = dialect;
        this.types = new TypeCheck(queryables, audience);
    }

    /** A piece of SQL and the values of its parameters, in order. */
    private record Sql(String text, List<Object> parameters) {
        static Sql of(String text) {
            return new Sql(text, List.of());
        }

        static Sql join(String before, List<Sql> parts, String separator, String after) {
            StringBuilder text = new StringBuilder(before);
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    text.append(separator);
                }
                text.append(parts.get(i).text);
                parameters.addAll(parts.get(i).parameters);
            }
            return new Sql(text.append(after).toString(), parameters);
        }
    }

    SqlFilter translate(Filter filter) {
        geometryTarget = geometryTarget(filter);
        List<Sql> terms = new ArrayList<>(scope());
        terms.add(expression(filter));
        Sql whole = terms.size() == 1 ? terms.get(0) : Sql.join("(", terms, " AND ", ")");
        return new SqlFilter(whole.text, whole.parameters, columns);
    }

    /** The rows of the collection the audience may see, whatever the filter. */
    private List<Sql> scope() {
        List<Sql> scope = new ArrayList<>();
        if (queryables.scope() == Queryables.Scope.PARCELS_LIVE_FOR_PUBLIC && audience == Audience.PUBLIC) {
            columns.add("status");
            scope.add(Sql.of("status IN ('available', 'reserved', 'allocated')"));
        }
        queryables.fixedColumns().forEach((column, value) -> {
            columns.add(column);
            scope.add(new Sql(column + " = CAST(? AS VARCHAR)", List.of(value)));
        });
        return scope;
    }

    private Sql expression(Filter filter) {
        if (filter instanceof Filter.And and) {
            return Sql.join("(", and.terms().stream().map(this::expression).toList(), " AND ", ")");
        }
        if (filter instanceof Filter.Or or) {
            return Sql.join("(", or.terms().stream().map(this::expression).toList(), " OR ", ")");
        }
        if (filter instanceof Filter.Not not) {
            return Sql.join("(NOT ", List.of(expression(not.term())), "", ")");
        }
        if (filter instanceof Filter.Constant constant) {
            return Sql.of(constant.value() ? "(1 = 1)" : "(1 = 0)");
        }
        if (filter instanceof Filter.Comparison c) {
            boolean text = c.operator().orders() && types.type(c.left()) == Queryable.Type.STRING;
            return Sql.join("(", List.of(value(c.left(), text), value(c.right(), text)), " " + c.operator().symbol() + " ",
                    ")");
        }
        if (filter instanceof Filter.Like like) {
            Sql pattern = new Sql("CAST(? AS VARCHAR)", List.of(LikePattern.toSql(like.pattern())));
            Sql sql = Sql.join("(", List.of(value(like.value(), false), pattern), " LIKE ",
                    " ESCAPE '" + LikePattern.SQL_ESCAPE + "')");
            return like.negated() ? negate(sql) : sql;
        }
        if (filter instanceof Filter.Between between) {
            Sql range = Sql.join("", List.of(value(between.low(), false), value(between.high(), false)), " AND ", "");
            Sql sql = Sql.join("(", List.of(value(between.value(), false), range), " BETWEEN ", ")");
            return between.negated() ? negate(sql) : sql;
        }
        if (filter instanceof Filter.In in) {
            Sql list = Sql.join("(", in.list().stream().map(v -> value(v, false)).toList(), ", ", ")");
            Sql sql = Sql.join("(", List.of(value(in.value(), false), list), " IN ", ")");
            return in.negated() ? negate(sql) : sql;
        }
        if (filter instanceof Filter.IsNull isNull) {
            return Sql.join("(", List.of(value(isNull.value(), false)), "",
                    isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
        }
        Filter.Spatial spatial = (Filter.Spatial) filter;
        Sql left = value(spatial.left(), false);
        Sql right = value(spatial.right(), false);
        String function = spatial.operator() == Filter.SpatialOperator.WITHIN ? "ST_Within" : "ST_Intersects";
        // The bounding boxes first, which the spatial index answers; the exact test second.
        return Sql.join("(", List.of(left, Sql.of(" && "), right, Sql.of(" AND " + function + "("), left, Sql.of(", "),
                right, Sql.of("))")), "", "");
    }

    private static Sql negate(Sql sql) {
        return Sql.join("(NOT ", List.of(sql), "", ")");
    }

    /** An operand as an SQL value; {@code codePointOrder} for a text compared with {@code <} and the like. */
    private Sql value(Operand operand, boolean codePointOrder) {
        Sql sql = value(operand);
        return codePointOrder ? new Sql(dialect.inCodePointOrder(sql.text), sql.parameters) : sql;
    }

    private Sql value(Operand operand) {
        if (operand instanceof Operand.Property property) {
            return Sql.of(column(types.resolve(property)));
        }
        if (operand instanceof Operand.Text text) {
            return new Sql("CAST(? AS VARCHAR)", List.of(text.value()));
        }
        if (operand instanceof Operand.Number number) {
            return new Sql("CAST(? AS DOUBLE PRECISION)", List.of(number.value()));
        }
        if (operand instanceof Operand.Bool bool) {
            return new Sql("CAST(? AS BOOLEAN)", List.of(bool.value()));
        }
        if (operand instanceof Operand.Timestamp timestamp) {
            return new Sql("CAST(? AS TIMESTAMP WITH TIME ZONE)",
                    List.of(timestamp.value().atOffset(ZoneOffset.UTC)));
        }
        if (operand instanceof Operand.Date date) {
            return new Sql("CAST(? AS DATE)", List.of(date.value()));
        }
        Operand.GeometryLiteral geometry = (Operand.GeometryLiteral) operand;
        return new Sql(dialect.geometryParameter(geometry.geometry().getSRID()), List.of(geometry.geometry()));
    }

    /** A property as the audience sees it, in SQL. */
    private String column(Queryable queryable) {
        if (queryable.type() == Queryable.Type.GEOMETRY) {
            columns.add(geometryTarget.column());
            return geometryTarget.column();
        }
        String column = queryable.column();
        columns.add(column);
        String value = column;
        if (queryable.decimals() >= 0) {
            // As GeoJson.round: half up at the last decimal, Math.round(v * 10^d) / 10^d, in double arithmetic.
            long scale = Math.round(Math.pow(10, queryable.decimals()));
            value = "FLOOR(" + column + " * " + scale + " + CAST(0.5 AS DOUBLE PRECISION)) / " + scale;
        }
        if (audience == Audience.PLANNER) {
            return value;
        }
        switch (queryable.access()) {
            case PUBLIC_WHEN_AVAILABLE:
                columns.add("status");
                return "CASE WHEN status = " + AVAILABLE + " THEN " + value + " END";
            case PUBLIC_AS_AVAILABILITY:
                return "CASE WHEN " + column + " = " + AVAILABLE + " THEN " + AVAILABLE + " WHEN " + column
                        + " IN ('reserved', 'allocated') THEN 'unavailable' END";
            default:
                return value;
        }
    }

    /**
     * The stored CRS the filter's geometry literals are in (all alike: a request has one filter-crs); CRS84 when it
     * has none. Geometry properties are read from that CRS's column.
     */
    private static FilterCrs.Target geometryTarget(Filter filter) {
        Set<Integer> srids = new TreeSet<>();
        collectSrids(filter, srids);
        if (srids.size() > 1) {
            throw new IllegalArgumentException("the geometry literals of one filter must share one CRS: " + srids);
        }
        return srids.isEmpty() ? FilterCrs.Target.CRS84 : FilterCrs.Target.ofSrid(srids.iterator().next());
    }

    private static void collectSrids(Filter filter, Set<Integer> srids) {
        if (filter instanceof Filter.And and) {
            and.terms().forEach(t -> collectSrids(t, srids));
        } else if (filter instanceof Filter.Or or) {
            or.terms().forEach(t -> collectSrids(t, srids));
        } else if (filter instanceof Filter.Not not) {
            collectSrids(not.term(), srids);
        } else if (filter instanceof Filter.Spatial spatial) {
            for (Operand operand : List.of(spatial.left(), spatial.right())) {
                if (operand instanceof Operand.GeometryLiteral literal) {
                    srids.add(literal.geometry().getSRID());
                }
            }
        }
    }
}
