package org.qiluvalley.planner.filter;

import java.util.List;
import java.util.Objects;

/**
 * One property a filter may name: its JSON type, the column it is read from, and who may filter on it and how.
 *
 * @param name the property's name, as in the features the API serves (case-sensitive)
 * @param title a short human title, for the queryables schema
 * @param type its JSON Schema type
 * @param geometryFormat the queryables schema's {@code format} of a geometry ({@code geometry-polygon}...); null
 *     for the other types
 * @param column the column it is read from (for a geometry: null, the filter's CRS picks {@code geom} or
 *     {@code geom_crs84}); our own constant, never a client's text
 * @param access who may filter on it, and what the public sees of it
 * @param decimals the decimals the API rounds it to (its value is compared as served); -1 when it is not rounded
 * @param values for planners, the values it may take, each literal compared with it must be one of them (empty:
 *     any value); for the public, see {@link Access#PUBLIC_AS_AVAILABILITY}
 */
public record Queryable(String name, String title, Type type, String geometryFormat, String column, Access access,
        int decimals, List<String> values) {

    /** The JSON types of queryables (OGC API Features Part 3, clause 6.2). */
    public enum Type {
        STRING("string", null), NUMBER("number", null), INTEGER("integer", null), BOOLEAN("boolean", null),
        /** An instant, served as an RFC 3339 string; compared with {@code TIMESTAMP(...)}. */
        TIMESTAMP("string", "date-time"),
        /** A day, compared with {@code DATE(...)} (no queryable has it yet; a DATE literal has it). */
        DATE("string", "date"),
        GEOMETRY(null, null);

        private final String jsonType;
        private final String format;

        Type(String jsonType, String format) {
            this.jsonType = jsonType;
            this.format = format;
        }

        String jsonType() {
            return jsonType;
        }

        String format() {
            return format;
        }

        /** How a client would call a value of this type in a message. */
        String description() {
            return switch (this) {
                case STRING -> "a string";
                case NUMBER, INTEGER -> "a number";
                case BOOLEAN -> "a boolean";
                case TIMESTAMP -> "a timestamp";
                case DATE -> "a date";
                case GEOMETRY -> "a geometry";
            };
        }

        boolean numeric() {
            return this == NUMBER || this == INTEGER;
        }

        /** True when values of the two types can be compared with each other. */
        boolean comparableWith(Type other) {
            return this == other || (numeric() && other.numeric());
        }
    }

    /** Who may filter on a property, and how the public sees it. */
    public enum Access {
        /** Everyone, with the same value. */
        EVERYONE,
        /**
         * Everyone; the public sees it only on available parcels (null on the others), as the public view of a
         * parcel has it only there.
         */
        PUBLIC_WHEN_AVAILABLE,
        /**
         * Everyone; the public sees a parcel's status as {@code available} or {@code unavailable} (reserved and
         * allocated alike) and never sees a withdrawn parcel.
         */
        PUBLIC_AS_AVAILABILITY,
        /** Planners only: for the public it does not exist, exactly as an unknown name. */
        PLANNERS
    }

    /** The values the public sees a {@link Access#PUBLIC_AS_AVAILABILITY} status as. */
    public static final List<String> PUBLIC_AVAILABILITY = List.of("available", "unavailable");

    public Queryable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        values = List.copyOf(values);
        if ((type == Type.GEOMETRY) != (geometryFormat != null) || (type == Type.GEOMETRY) == (column != null)) {
            throw new IllegalArgumentException("a geometry has a format and no column; any other queryable a column");
        }
    }

    /** True when {@code audience} may name this property in a filter. */
    public boolean visibleTo(Audience audience) {
        return audience == Audience.PLANNER || access != Access.PLANNERS;
    }

    /** The values {@code audience} may compare it with; empty for any value. */
    public List<String> valuesFor(Audience audience) {
        return audience == Audience.PUBLIC && access == Access.PUBLIC_AS_AVAILABILITY ? PUBLIC_AVAILABILITY : values;
    }

    static Queryable geometry(String title, String format) {
        return new Queryable("geometry", title, Type.GEOMETRY, format, null, Access.EVERYONE, -1, List.of());
    }

    static Queryable of(String name, String title, Type type, String column, Access access) {
        return new Queryable(name, title, type, null, column, access, -1, List.of());
    }
}
