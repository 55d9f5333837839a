package org.qiluvalley.planner.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.qiluvalley.planner.geopackage.GeoPackageException;
import org.qiluvalley.planner.geopackage.GeoPackageReader;

/**
 * The arguments of {@code import FILE --collection NAME [--layer NAME] [--rejects PATH] [--batch-size N]}, checked
 * before the application context starts, so that a typo costs no database connection. Any other {@code --key=value}
 * is a configuration property ({@code --valley.data-dir=...}) and is passed on to the application.
 *
 * @param layer for a GeoPackage ({@code FILE.gpkg}): the feature layer to read, checked to exist, to be in an SRS
 *     the import reads and to have an {@code id} column (without {@code --layer}: the file's only feature layer);
 *     null for GeoJSON
 * @param rejects where rejects are written: by default {@code FILE.rejects.ndjson} next to the input (the
 *     {@code .geojson}, {@code .json} or {@code .gpkg} extension replaced)
 * @param applicationArgs the {@code --key=value} properties for the application context
 */
record ImportArguments(Path file, String layer, String collection, Path rejects, int batchSize,
        List<String> applicationArgs) {

    /** The collections an import can fill. */
    static final List<String> COLLECTIONS = List.of("parcels");

    static final String USAGE = """
            usage: java -jar valley-planner.jar import FILE.geojson --collection parcels [options] [--key=value ...]
                   java -jar valley-planner.jar import FILE.gpkg --collection parcels [--layer NAME] [options] ...
              FILE.geojson        a GeoJSON FeatureCollection in CRS84 (lon/lat)
              FILE.gpkg           a GeoPackage: one feature layer in EPSG:4548, EPSG:4326 or CRS84, with the
                                  parcel ids in a text column "id" and the properties in columns of their names
              --collection NAME   the collection to import into; supported: parcels
              --layer NAME        the GeoPackage layer to import (default: the file's only feature layer)
              --rejects PATH      where rejected features are listed, one JSON object per line
                                  (default: FILE.rejects.ndjson next to FILE)
              --batch-size N      parcels per transaction, 1 to %d (default %d)
              --key=value         any configuration property, e.g. --valley.data-dir=/srv/valley/data;
                                  VALLEY_DB_URL, VALLEY_DB_USER, VALLEY_DB_PASSWORD select PostGIS
            Exit status: 0 when the file was read to the end (even with rejects), 1 when the store failed,
            2 for a usage error or a file that is not a GeoJSON FeatureCollection (or a readable GeoPackage layer)."""
            .formatted(ParcelImport.MAX_BATCH_SIZE, ParcelImport.DEFAULT_BATCH_SIZE);

    /** A usage error: the message says what is wrong; the caller prints it with {@link #USAGE}. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** True when the arguments ask for the usage text. */
    static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    static ImportArguments parse(String[] args) throws UsageException {
        Path file = null;
        String collection = null;
        String layer = null;
        Path rejects = null;
        int batchSize = ParcelImport.DEFAULT_BATCH_SIZE;
        List<String> applicationArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean own = name.equals("--collection") || name.equals("--rejects") || name.equals("--batch-size")
                    || name.equals("--layer");
            if (own) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException(name + " needs a value");
                }
                switch (name) {
                    case "--collection" -> collection = value;
                    case "--layer" -> layer = value;
                    case "--rejects" -> rejects = Path.of(value);
                    default -> batchSize = batchSize(value);
                }
            } else if (arg.startsWith("--") && arg.contains("=")) {
                applicationArgs.add(arg);
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new UsageException("unknown option " + arg + " (a configuration property is --key=value)");
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                throw new UsageException("one file at a time; unexpected argument " + arg);
            }
        }
        if (file == null) {
            throw new UsageException("missing the GeoJSON file to import (or a GeoPackage, FILE.gpkg)");
        }
        if (collection == null) {
            throw new UsageException("missing --collection (supported: " + String.join(", ", COLLECTIONS) + ")");
        }
        if (!COLLECTIONS.contains(collection)) {
            throw new UsageException("cannot import into collection \"" + collection + "\"; supported: "
                    + String.join(", ", COLLECTIONS));
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(file + ": " + (Files.exists(file) ? "not a readable file" : "no such file"));
        }
        if (ParcelImport.isGeoPackage(file)) {
            layer = geoPackageLayer(file, layer);
        } else if (layer != null) {
            throw new UsageException("--layer names a layer of a GeoPackage (FILE.gpkg); " + file
                    + " is read as GeoJSON");
        }
        if (rejects == null) {
            rejects = defaultRejects(file);
        }
        Path rejectsDir = rejects.toAbsolutePath().getParent();
        if (rejectsDir == null || !Files.isDirectory(rejectsDir)) {
            throw new UsageException("--rejects " + rejects + ": directory " + rejectsDir + " does not exist");
        }
        if (rejects.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw new UsageException("--rejects must not be the input file (it is replaced on every run)");
        }
        return new ImportArguments(file, layer, collection, rejects, batchSize, List.copyOf(applicationArgs));
    }

    static Path defaultRejects(Path file) {
        String name = file.getFileName().toString();
        String stem = name.replaceFirst("(?i)\\.(geojson|json|gpkg)$", "");
        return file.resolveSibling(stem + ".rejects.ndjson");
    }

    /** True when the file is read as a GeoPackage (its {@link #layer} is then set). */
    boolean isGeoPackage() {
        return layer != null;
    }

    /**
     * The GeoPackage layer to import: the one named, else the only feature layer; checked to open (SRS) and to have
     * an id column.
     */
    private static String geoPackageLayer(Path file, String layer) throws UsageException {
        try {
            if (layer == null) {
                List<String> layers = GeoPackageReader.featureLayers(file);
                if (layers.isEmpty()) {
                    throw new UsageException(file + " has no feature layer to import");
                }
                if (layers.size() > 1) {
                    throw new UsageException(file + " has " + layers.size() + " feature layers ("
                            + String.join(", ", layers) + "): choose one with --layer NAME");
                }
                layer = layers.get(0);
            }
            try (GeoPackageReader reader = GeoPackageReader.open(file, layer)) {
                if (!reader.hasIdColumn()) {
                    throw new UsageException(file + ": " + ParcelImport.missingIdColumn(reader.layerName()));
                }
                return reader.layerName();
            }
        } catch (GeoPackageException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int batchSize(String value) throws UsageException {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= ParcelImport.MAX_BATCH_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--batch-size must be a whole number from 1 to " + ParcelImport.MAX_BATCH_SIZE
                + ", got " + value);
    }
}
