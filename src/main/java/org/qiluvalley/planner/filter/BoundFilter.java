package org.qiluvalley.planner.filter;

/**
 * A filter checked against one collection's queryables for one audience (made by {@link Queryables#bind}), ready to
 * be carried by a {@code FeatureQuery} to the store.
 *
 * @param queryables the collection's
 * @param audience whom it is evaluated for
 * @param filter the parsed filter
 */
public record BoundFilter(Queryables queryables, Audience audience, Filter filter) {

    /**
     * Checks {@code filter} as {@link Queryables#bind} says.
     *
     * @throws org.qiluvalley.planner.errors.InvalidInputException when it names a property {@code audience} may
     *     not filter on, or compares what cannot be compared
     */
    public BoundFilter {
        java.util.Objects.requireNonNull(queryables, "queryables");
        java.util.Objects.requireNonNull(audience, "audience");
        java.util.Objects.requireNonNull(filter, "filter");
        new TypeCheck(queryables, audience).check(filter);
    }

    /** The stored layer the filter reads ({@code parcel.Layer#name()}). */
    public String layer() {
        return queryables.layer();
    }

    /**
     * The filter as SQL, in the collection's scope for the audience (the public's parcels exclude withdrawn ones;
     * {@code available-sites} holds available parcels only), every literal a parameter.
     */
    public SqlFilter toSql(SqlFilter.Dialect dialect) {
        return new SqlTranslator(queryables, audience, dialect).translate(filter);
    }
}
