package org.qiluvalley.planner.filter;

import java.time.Instant;
import java.time.LocalDate;

import org.locationtech.jts.geom.Geometry;

/** An operand of a predicate: a property reference or a literal. */
public sealed interface Operand {

    /** A reference to a queryable, by its name (case-sensitive). */
    record Property(String name) implements Operand {
    }

    /** A character literal, already unescaped. */
    record Text(String value) implements Operand {
    }

    /** A numeric literal; always finite. */
    record Number(double value) implements Operand {
        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number literal must be finite");
            }
        }
    }

    record Bool(boolean value) implements Operand {
    }

    /** {@code TIMESTAMP('...Z')}: an instant in UTC. */
    record Timestamp(Instant value) implements Operand {
    }

    /** {@code DATE('yyyy-mm-dd')}: a day, without a time zone. */
    record Date(LocalDate value) implements Operand {
    }

    /**
     * A geometry literal (WKT, GeoJSON or BBOX), already in the CRS the store compares in: CRS84 (SRID 4326,
     * longitude, latitude) or EPSG:4548 (SRID 4548, easting, northing in metres), see {@link FilterCrs}. The SRID of
     * {@code geometry} says which.
     */
    record GeometryLiteral(Geometry geometry) implements Operand {
        public GeometryLiteral {
            if (geometry.getSRID() == 0) {
                throw new IllegalArgumentException("a geometry literal needs its SRID");
            }
        }
    }
}
