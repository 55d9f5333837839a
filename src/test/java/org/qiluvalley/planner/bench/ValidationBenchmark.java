package org.qiluvalley.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.rules.AllocationValidator;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.InMemorySiteContext;
import org.qiluvalley.planner.rules.ParkAudit;
import org.qiluvalley.planner.rules.SiteContext;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.store.postgis.PostgisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Time to validate one allocation, and to audit the park. Sampled (median and p99 per call), in microseconds.
 *
 * <ul>
 * <li>{@code park}: the real seed data; {@code city100k}, {@code city1m}: 100,000 and 1,000,000 synthetic parcels
 * on a grid. One allocation must
 * not scan all parcels: its cost stays flat as the register grows, because every look-up goes through an index.
 * <li>{@code memory}: the rules over an in-memory STRtree snapshot; {@code h2gis}: over the embedded store, each
 * look-up a query answered by the database's spatial index (the path of {@code POST /api/allocations/validate});
 * {@code postgis} (not run by default: {@code -p context=postgis}): the same over PostgreSQL + PostGIS.
 * </ul>
 *
 * <p>Through a store every check gets a fresh {@link StoreSiteContext}, as the endpoint does: what it remembers (the
 * zone, the valley, committed totals) is remembered for one validation only.
 *
 * <p>The {@code postgis} context needs a server: {@code VALLEY_TEST_PG_URL} (a maintenance database URL, as the
 * PostGIS tests use; {@code scripts/pg-test-cluster.sh start} prints it) and {@code VALLEY_TEST_PG_USER} (default
 * {@code postgres}), or the system properties {@code valley.bench.pg.url} and {@code valley.bench.pg.user} passed with
 * {@code -jvmArgsAppend}. It loads each register once into a database of its own, {@code valley_bench_<register>},
 * and keeps it for later runs (drop it to reload).
 *
 * Run with {@code scripts/bench-validation.sh}; results in {@code docs/benchmarks.md}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class ValidationBenchmark {

    @State(Scope.Benchmark)
    public static class Register {

        @Param({"park", "city100k", "city1m"})
        public String register;

        @Param({"memory", "h2gis"})
        public String context;

        /** The in-memory context, or null when the checks go through {@link #store}. */
        private SiteContext memory;
        private ParcelStore store;
        AllocationValidator validator;
        Candidate parcelAsIs;
        Candidate drawnSite;
        private HikariDataSource dataSource;
        private Path dataDir;

        @Setup(Level.Trial)
        public void load() throws Exception {
            ZoningRuleBook book = ParkData.ruleBook();
            validator = new AllocationValidator(book);
            Candidate.ProposedIndicators indicators = new Candidate.ProposedIndicators(1.5, 0.5, 0.15, 30.0);
            ParkDataset park = ParkData.dataset();
            if (register.equals("park")) {
                Parcel available = park.parcels().stream().filter(p -> p.status() == ParcelStatus.AVAILABLE
                        && p.zone().equals("laser-industry")).findFirst().orElseThrow();
                parcelAsIs = new Candidate(available.id(), available.planar(), available.zone(), available.landUse(),
                        indicators, "enterprise");
                // An 80 m square on the park's southernmost point: crosses the boundary and the ecological red line.
                Geometry boundary = park.valley().stream().filter(v -> v.kind().equals("boundary")).findFirst()
                        .orElseThrow().planar();
                Coordinate south = List.of(boundary.getCoordinates()).stream()
                        .min(Comparator.comparingDouble(c -> c.y)).orElseThrow();
                drawnSite = new Candidate(null, CrsTransform.PLANAR.toGeometry(new Envelope(south.x - 40, south.x + 40,
                        south.y - 40, south.y + 40)), "laser-industry", "100101", indicators, "enterprise");
                if (context.equals("memory")) {
                    memory = new InMemorySiteContext(park.valley().get(0), park.zones(), park.parcels(), park.constraints(),
                            park.roads().stream().filter(r -> r.kind().equals("reserve")).toList());
                } else {
                    store = store(park);
                }
            } else {
                SyntheticCity city = new SyntheticCity(register.equals("city1m") ? 1_000_000 : 100_000, 42);
                Parcel available = city.availableParcelNearTheMiddle();
                parcelAsIs = new Candidate(available.id(), available.planar(), "laser-industry", "100101", indicators,
                        "enterprise");
                drawnSite = new Candidate(null, city.siteAcrossFourParcels(), "laser-industry", "100101", indicators,
                        "enterprise");
                List<ConstraintArea> noConstraints = List.of();
                if (context.equals("memory")) {
                    memory = new InMemorySiteContext(city.valley, List.of(city.zone), city.parcels, noConstraints,
                            city.roads);
                } else {
                    ParkDataset cityDataset = new ParkDataset("synthetic-city", "-", List.of(city.valley),
                            List.of(city.zone), city.roads, noConstraints, city.parcels);
                    store = store(cityDataset);
                }
            }
            // Sanity: the checks do real work and find what they should.
            List<Finding> asIs = validator.validate(parcelAsIs, site());
            List<Finding> drawn = validator.validate(drawnSite, site());
            if (!AllocationValidator.isValid(asIs) || AllocationValidator.isValid(drawn)) {
                throw new IllegalStateException("unexpected findings: " + asIs + " / " + drawn);
            }
        }

        /** The context of one check: the snapshot, or a fresh look-up context over the store. */
        SiteContext site() {
            return memory != null ? memory : new StoreSiteContext(store);
        }

        private ParcelStore store(ParkDataset dataset) throws Exception {
            return switch (context) {
                case "h2gis" -> h2gisStore(dataset);
                case "postgis" -> postgisStore(dataset);
                default -> throw new IllegalArgumentException("unknown context " + context
                        + " (memory, h2gis or postgis)");
            };
        }

        private ParcelStore h2gisStore(ParkDataset dataset) throws Exception {
            dataDir = Files.createTempDirectory("valley-bench");
            dataSource = H2gisDatabase.dataSource(dataDir);
            H2gisDatabase.migrate(dataSource);
            ParcelStore store = H2gisDatabase.store(dataSource);
            store.loadDataset(dataset);
            return store;
        }

        /**
         * The register in {@code valley_bench_<register>} on the server of {@code VALLEY_TEST_PG_URL}, created and
         * loaded (the store's batch insert, rewritten by the driver into multi-row INSERTs) when missing, then
         * analysed.
         */
        private ParcelStore postgisStore(ParkDataset dataset) throws Exception {
            String adminUrl = setting("valley.bench.pg.url", "VALLEY_TEST_PG_URL", null);
            if (adminUrl == null) {
                throw new IllegalStateException("context=postgis needs a PostgreSQL + PostGIS server: set "
                        + "VALLEY_TEST_PG_URL to a maintenance database URL (e.g. jdbc:postgresql://127.0.0.1:55434/"
                        + "postgres; scripts/pg-test-cluster.sh start prints it) and VALLEY_TEST_PG_USER (default "
                        + "postgres), or pass -jvmArgsAppend -Dvalley.bench.pg.url=... -Dvalley.bench.pg.user=...");
            }
            String user = setting("valley.bench.pg.user", "VALLEY_TEST_PG_USER", "postgres");
            String password = setting("valley.bench.pg.password", "VALLEY_TEST_PG_PASSWORD", "");
            String database = "valley_bench_" + register; // one of our own @Param values: a safe identifier
            try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                    Statement st = admin.createStatement()) {
                boolean exists;
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    exists = rs.next();
                }
                if (!exists) {
                    st.execute("CREATE DATABASE " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("context=postgis: cannot reach PostgreSQL at " + adminUrl + " as "
                        + user + ": " + e.getMessage(), e);
            }
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            String url = adminUrl.substring(0, slash + 1) + database
                    + (query < 0 ? "?" : adminUrl.substring(query) + "&") + "reWriteBatchedInserts=true";
            dataSource = PostgisDatabase.dataSource(new ValleyProperties.Db(url, user, password, 4));
            try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            }
            PostgisDatabase.migrate(dataSource);
            ParcelStore postgis = PostgisDatabase.store(dataSource);
            long start = System.nanoTime();
            if (postgis.loadDataset(dataset)) {
                try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
                    st.execute("ANALYZE");
                }
                System.out.printf("loaded %,d parcels into %s in %.1f s%n", dataset.parcels().size(), database,
                        (System.nanoTime() - start) / 1e9);
            }
            return postgis;
        }

        private static String setting(String property, String variable, String fallback) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                value = System.getenv(variable);
            }
            return value == null || value.isBlank() ? fallback : value;
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            if (dataSource != null) {
                dataSource.close();
            }
            if (dataDir != null) {
                try (var files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Park {
        ParkAudit audit;
        InMemorySiteContext site;

        @Setup(Level.Trial)
        public void load() {
            ParkDataset park = ParkData.dataset();
            audit = new ParkAudit(ParkData.ruleBook());
            site = new InMemorySiteContext(park.valley().get(0), park.zones(), park.parcels(), park.constraints(),
                    park.roads().stream().filter(r -> r.kind().equals("reserve")).toList());
        }
    }

    /** An available parcel allocated as it is, with indicators in range: the common, valid case. */
    @Benchmark
    public List<Finding> validateAParcelAsIs(Register register) {
        return register.validator.validate(register.parcelAsIs, register.site());
    }

    /** A drawn site with conflicts: overlaps, and in the park the boundary, zone and red line. */
    @Benchmark
    public List<Finding> validateADrawnSiteWithConflicts(Register register) {
        return register.validator.validate(register.drawnSite, register.site());
    }

    /** Every plan rule over every parcel of the park, the zone budgets, gaps and slivers. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx2g"})
    public ParkAudit.Report auditThePark(Park park) {
        return park.audit.run(park.site);
    }
}
