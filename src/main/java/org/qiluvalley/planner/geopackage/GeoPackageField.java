package org.qiluvalley.planner.geopackage;

import java.util.Locale;
import java.util.Objects;

/**
 * An attribute column of a feature layer.
 *
 * @param name the column name, as the properties map names it (case matters to the map; SQLite compares column names
 *     without case, so two fields may not differ only in case)
 * @param type its GeoPackage data type
 */
public record GeoPackageField(String name, Type type) {

    /** The GeoPackage data types a field may have (OGC 12-128r18, table 1). */
    public enum Type {
        /** UTF-8 text; a property value of any other Java type is written as its {@code toString()}. */
        TEXT("TEXT"),
        /** 64-bit floating point; from any {@link Number}, which must be finite. */
        REAL("REAL"),
        /**
         * 64-bit signed integer; from {@code Long}, {@code Integer}, {@code Short}, {@code Byte}, a {@code BigInteger}
         * in range, or {@code Boolean} (1 and 0).
         */
        INTEGER("INTEGER"),
        /** Bytes; from {@code byte[]}. */
        BLOB("BLOB");

        private final String sqlName;

        Type(String sqlName) {
            this.sqlName = sqlName;
        }

        /** The column type as written in the table definition. */
        String sqlName() {
            return sqlName;
        }

        /**
         * The type of a column declared {@code declared} in a GeoPackage, by the GeoPackage type names (BOOLEAN and the
         * integer types are INTEGER, FLOAT and DOUBLE are REAL, TEXT(n), DATE and DATETIME are TEXT) and otherwise by
         * SQLite's type affinity rules.
         */
        static Type ofDeclared(String declared) {
            String type = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
            if (type.contains("INT") || type.equals("BOOLEAN")) {
                return INTEGER;
            }
            if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") || type.startsWith("DATE")) {
                return TEXT;
            }
            if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
                return REAL;
            }
            if (type.isEmpty() || type.contains("BLOB")) {
                return BLOB;
            }
            return REAL; // SQLite's NUMERIC affinity: values are stored as numbers where they can be
        }
    }

    public GeoPackageField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static GeoPackageField text(String name) {
        return new GeoPackageField(name, Type.TEXT);
    }

    public static GeoPackageField real(String name) {
        return new GeoPackageField(name, Type.REAL);
    }

    public static GeoPackageField integer(String name) {
        return new GeoPackageField(name, Type.INTEGER);
    }
}
