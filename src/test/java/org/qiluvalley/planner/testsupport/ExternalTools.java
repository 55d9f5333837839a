package org.qiluvalley.planner.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The execution conditions behind {@link RequiresPostgis}, {@link RequiresChromium}, {@link RequiresGdal} and
 * {@link RequiresPdftotext}.
 *
 * <p>Why a condition and not an assumption in {@code @BeforeAll}: a condition is evaluated before JUnit creates the
 * test instance, so a {@code PER_CLASS} test never starts its Spring context (which would reach for the missing
 * server and error), and a class disabled by it is reported by Surefire and Failsafe as every one of its tests
 * skipped, with the reason. An aborted {@code @BeforeAll} is reported as "Tests run: 0", which hides what did not run.
 *
 * <p>Each tool is looked for once per JVM. When the environment says the tool must be there (CI), a missing tool is
 * an error of the test, not a skip.
 */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** One external tool: whether it is there (and if not, why), and whether this run demands it. */
    abstract static class Condition implements ExecutionCondition {

        /** Empty when the tool is usable, else what is missing and how to get it. */
        abstract Optional<String> missing();

        /** True when this run must have the tool (a missing one fails the tests instead of skipping them). */
        abstract boolean required();

        /** The environment variable that makes the tool required, for the message. */
        abstract String requiredBy();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = missing();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("available");
            }
            if (required()) {
                throw new ExtensionConfigurationException(requiredBy() + " but " + missing.get());
            }
            return ConditionEvaluationResult.disabled("Skipped: " + missing.get());
        }
    }

    /** A PostgreSQL server with the PostGIS extension available, at {@code VALLEY_TEST_PG_URL}. */
    public static final class Postgis extends Condition {
        private static Optional<String> missing;

        @Override
        synchronized Optional<String> missing() {
            if (missing == null) {
                missing = probe();
            }
            return missing;
        }

        private static Optional<String> probe() {
            String where = PostgisTestDatabase.ADMIN_URL + " as " + PostgisTestDatabase.USER;
            try (Connection admin = PostgisTestDatabase.connect(PostgisTestDatabase.ADMIN_URL);
                    Statement st = admin.createStatement();
                    ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")) {
                return rs.next() ? Optional.empty()
                        : Optional.of("the PostgreSQL server at " + where + " has no PostGIS extension (Debian "
                                + "postgresql-15-postgis-3)");
            } catch (SQLException e) {
                return Optional.of("no PostgreSQL + PostGIS server at " + where + " (" + firstLine(e.getMessage())
                        + "); start one with scripts/pg-test-cluster.sh and set VALLEY_TEST_PG_URL");
            }
        }

        @Override
        boolean required() {
            return PostgisTestDatabase.REQUIRED;
        }

        @Override
        String requiredBy() {
            return "VALLEY_PG_REQUIRED=true";
        }
    }

    /** A tool that CI ({@code CI=true}, set by .ci/run) installs, so that there a missing one is a failure. */
    abstract static class InstalledByCi extends Condition {
        @Override
        boolean required() {
            return "true".equalsIgnoreCase(System.getenv("CI"));
        }

        @Override
        String requiredBy() {
            return "CI=true";
        }
    }

    /** Debian's Chromium and chromedriver at their fixed paths. */
    public static final class Chromium extends InstalledByCi {
        static final Path CHROMIUM = Path.of("/usr/bin/chromium");
        static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

        @Override
        Optional<String> missing() {
            return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? Optional.empty()
                    : Optional.of(CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium "
                            + "chromium-driver fonts-noto-cjk)");
        }
    }

    /** GDAL's ogr2ogr and ogrinfo. */
    public static final class Gdal extends InstalledByCi {
        public static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
        public static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");

        @Override
        Optional<String> missing() {
            return Files.isExecutable(OGR2OGR) && Files.isExecutable(OGRINFO) ? Optional.empty()
                    : Optional.of("GDAL (" + OGR2OGR + ", " + OGRINFO + ") is missing (apt-get install gdal-bin)");
        }
    }

    /** Poppler's pdftotext: an independent reader of the text of a PDF. */
    public static final class Pdftotext extends InstalledByCi {
        public static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

        @Override
        Optional<String> missing() {
            return Files.isExecutable(PDFTOTEXT) ? Optional.empty()
                    : Optional.of(PDFTOTEXT + " is missing (apt-get install poppler-utils)");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
