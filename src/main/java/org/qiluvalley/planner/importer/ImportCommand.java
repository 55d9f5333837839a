package org.qiluvalley.planner.importer;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Function;

import org.qiluvalley.planner.importer.ImportArguments.UsageException;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar valley-planner.jar import FILE.geojson --collection parcels [--rejects PATH] [--batch-size N]}, or
 * {@code import FILE.gpkg --collection parcels [--layer NAME] ...}: the bulk import from the command line (usage in
 * {@link ImportArguments#USAGE}).
 *
 * <p>It runs in the service's own application context, started without a web server, so it uses the same
 * configuration: {@code VALLEY_DB_URL} selects PostGIS, otherwise the embedded store in {@code valley.data-dir};
 * the schema is migrated and an empty database is seeded with the park (its zones are what parcels refer to)
 * exactly as at service start. The summary goes to standard output, progress and errors to standard error.
 */
public final class ImportCommand {

    /** The first program argument that selects this command. */
    public static final String NAME = "import";

    public static final int EXIT_OK = 0;
    /** The store failed (or the application could not start); batches committed before stay, a re-run resumes. */
    public static final int EXIT_STORE_FAILED = 1;
    /** Bad arguments, or a file that cannot be read or is not a GeoJSON FeatureCollection or GeoPackage layer. */
    public static final int EXIT_USAGE = 2;

    private ImportCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code import}
     * @param startApplication starts the application context (without web server) from {@code --key=value}
     *     properties; called only once the arguments are valid
     * @return the exit status
     */
    public static int run(String[] args, Function<String[], ConfigurableApplicationContext> startApplication) {
        // System.console() is null as soon as standard input or output is redirected: then progress is printed as
        // plain lines, the safe side for a log file.
        return run(args, startApplication, System.out, System.err, System.console() != null);
    }

    /** @param redraw redraw the progress line in place (a terminal) rather than print a line per update */
    static int run(String[] args, Function<String[], ConfigurableApplicationContext> startApplication,
            PrintStream out, PrintStream err, boolean redraw) {
        if (ImportArguments.wantsHelp(args)) {
            out.println(ImportArguments.USAGE);
            return EXIT_OK;
        }
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(args);
        } catch (UsageException e) {
            err.println("import: " + e.getMessage());
            err.println(ImportArguments.USAGE);
            return EXIT_USAGE;
        }
        ConfigurableApplicationContext context;
        try {
            context = startApplication.apply(arguments.applicationArgs().toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has logged the cause with its failure analysis.
            err.println("import: the application could not start: " + e.getMessage());
            return EXIT_STORE_FAILED;
        }
        try (context) {
            ParcelImport parcelImport = new ParcelImport(context.getBean(ParcelStore.class),
                    context.getBean(ZoningRuleBook.class), Clock.systemUTC());
            ProgressDisplay progress = new ProgressDisplay(err, redraw, arguments.file().getFileName().toString(),
                    arguments.file().toFile().length(), System::nanoTime);
            ParcelImport.Settings settings = ParcelImport.Settings.defaults().withBatchSize(arguments.batchSize());
            ImportReport report = arguments.isGeoPackage()
                    ? parcelImport.runGeoPackage(arguments.file(), arguments.layer(), arguments.rejects(), settings,
                            progress)
                    : parcelImport.run(arguments.file(), arguments.rejects(), settings, progress);
            out.println("import " + arguments.file() + (arguments.isGeoPackage() ? " (layer " + arguments.layer() + ")"
                    : "") + " into " + arguments.collection() + ": " + report.summary());
            return EXIT_OK;
        } catch (ImportFailedException e) {
            err.println("import: stopped: " + e.getMessage());
            err.println("import: before stopping: " + e.soFar().summary());
            err.println("import: batches committed before stay; fix the cause and run the same command again "
                    + "(ids already stored are skipped)");
            return e.kind() == ImportFailedException.Kind.BAD_FILE ? EXIT_USAGE : EXIT_STORE_FAILED;
        } catch (RuntimeException e) {
            err.println("import: stopped: the store failed: " + e.getMessage());
            return EXIT_STORE_FAILED;
        }
    }
}
