package org.qiluvalley.planner.filter;

import java.util.List;
import java.util.Set;

/**
 * A filter as SQL: a boolean expression for a {@code WHERE} clause and the values of its parameters, in order.
 * The text holds no value a client sent, only {@code ?}, our own column names (from {@link Queryables}) and our
 * own constants; every literal of the filter is a parameter.
 *
 * @param sql a parenthesised boolean SQL expression
 * @param parameters the values of its {@code ?}, in order: {@link String}, {@link Double}, {@link Boolean},
 *     {@link java.time.OffsetDateTime} (UTC), {@link java.time.LocalDate}, or a JTS
 *     {@link org.locationtech.jts.geom.Geometry} with its SRID, bound with the dialect's geometry binding (each
 *     geometry stands for exactly the SQL {@link Dialect#geometryParameter} wrote)
 * @param columns the columns the expression reads, for the store to check against its own table
 */
public record SqlFilter(String sql, List<Object> parameters, Set<String> columns) {

    public SqlFilter {
        parameters = List.copyOf(parameters);
        columns = Set.copyOf(columns);
    }

    /** What differs between the databases in the SQL of a filter. */
    public interface Dialect {

        /**
         * SQL for a geometry parameter of the given SRID, whose value is one geometry of {@link #parameters} (the
         * store binds it with its own geometry binding).
         */
        String geometryParameter(int srid);

        /**
         * A text expression compared with {@code <}, {@code >}, {@code <=} or {@code >=} in code point order (the
         * order of Java's {@code String.compareTo} on these values, and of H2), whatever the database's locale.
         */
        String inCodePointOrder(String textExpression);
    }
}
