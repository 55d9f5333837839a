package org.qiluvalley.planner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.filter.Audience;
import org.qiluvalley.planner.filter.Filter;
import org.qiluvalley.planner.filter.FilterCrs;
import org.qiluvalley.planner.filter.Operand;
import org.qiluvalley.planner.filter.Queryable;
import org.qiluvalley.planner.filter.Queryables;
import org.qiluvalley.planner.filter.SqlFilter;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.store.h2gis.H2gisDialect;

/**
 * The columns the queryables name are columns of the tables {@link ParkTables} registers for their layer, so that
 * a filter can never read a column the store does not know (the store checks each filter's columns too).
 */
class FilterColumnsTest {

    @Test
    void everyQueryableReadsAColumnOfItsLayersTable() {
        for (Queryables queryables : Queryables.all()) {
            Layer<?> layer = Layer.ALL.stream().filter(l -> l.name().equals(queryables.layer())).findFirst()
                    .orElseThrow();
            Set<String> columns = new HashSet<>(ParkTables.of(layer).columns());
            columns.add("geom");
            columns.add("geom_crs84");
            for (Audience audience : Audience.values()) {
                for (FilterCrs crs : List.of(FilterCrs.CRS84, FilterCrs.EPSG_4548)) {
                    List<Filter> terms = new ArrayList<>();
                    for (Queryable q : queryables.visibleTo(audience)) {
                        terms.add(new Filter.IsNull(new Operand.Property(q.name()), false));
                    }
                    org.locationtech.jts.geom.Geometry point = new org.locationtech.jts.geom.GeometryFactory()
                            .createPoint(new org.locationtech.jts.geom.Coordinate(1, 2));
                    point.setSRID(crs.target().srid());
                    terms.add(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, new Operand.Property("geometry"),
                            new Operand.GeometryLiteral(point)));
                    SqlFilter sql = queryables.bind(new Filter.Or(terms), audience).toSql(new H2gisDialect());
                    assertThat(sql.columns()).as("%s as %s", queryables.collectionId(), audience).isSubsetOf(columns);
                }
            }
        }
    }
}
