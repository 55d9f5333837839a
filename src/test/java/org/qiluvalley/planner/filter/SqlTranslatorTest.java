package org.qiluvalley.planner.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.testsupport.ParkData;

/**
 * The SQL of a filter: column names only from the registry, every literal a bound parameter, and the public's view
 * (hidden values null, status as available or unavailable, no withdrawn parcel) computed in SQL.
 */
class SqlTranslatorTest {

    /** As PostgreSQL spells it, so that the collation shows. */
    private static final SqlFilter.Dialect DIALECT = new SqlFilter.Dialect() {
        @Override
        public String geometryParameter(int srid) {
            return "ST_GeomFromWKB(?, " + srid + ")";
        }

        @Override
        public String inCodePointOrder(String textExpression) {
            return "(" + textExpression + ") COLLATE \"C\"";
        }
    };

    private static final Queryables PARCELS = Queryables.forCollection("parcels").orElseThrow();

    private static SqlFilter sql(String collection, Audience audience, String text) {
        return sql(collection, audience, text, FilterCrs.CRS84);
    }

    private static SqlFilter sql(String collection, Audience audience, String text, FilterCrs crs) {
        return Queryables.forCollection(collection).orElseThrow().bind(Cql2Text.parse(text, crs), audience)
                .toSql(DIALECT);
    }

    @Test
    void plannersReadTheColumnsAsTheyAre() {
        SqlFilter sql = sql("parcels", Audience.PLANNER, "landUse = '100101' AND farMax > 2 AND version IN (1, 2)");
        assertThat(sql.sql()).isEqualTo("((land_use = CAST(? AS VARCHAR)) AND (far_max > CAST(? AS DOUBLE PRECISION)) "
                + "AND (version IN (CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION))))");
        assertThat(sql.parameters()).containsExactly("100101", 2.0, 1.0, 2.0);
        assertThat(sql.columns()).containsExactlyInAnyOrder("land_use", "far_max", "version");
    }

    @Test
    void thePublicReadsWhatItSees() {
        SqlFilter sql = sql("parcels", Audience.PUBLIC, "landUse = '100101'");
        assertThat(sql.sql()).isEqualTo("(status IN ('available', 'reserved', 'allocated') AND "
                + "(CASE WHEN status = 'available' THEN land_use END = CAST(? AS VARCHAR)))");
        assertThat(sql.parameters()).containsExactly("100101");
        assertThat(sql("parcels", Audience.PUBLIC, "status = 'unavailable'").sql()).isEqualTo(
                "(status IN ('available', 'reserved', 'allocated') AND (CASE WHEN status = 'available' THEN 'available' "
                        + "WHEN status IN ('reserved', 'allocated') THEN 'unavailable' END = CAST(? AS VARCHAR)))");
        assertThat(sql("parcels", Audience.PUBLIC, "zone = 'a'").sql())
                .isEqualTo("(status IN ('available', 'reserved', 'allocated') AND (zone_id = CAST(? AS VARCHAR)))");
        assertThat(sql("parcels", Audience.PLANNER, "status = 'withdrawn'").sql())
                .isEqualTo("(status = CAST(? AS VARCHAR))");
    }

    @Test
    void areaIsComparedRoundedAsServed() {
        assertThat(sql("zones", Audience.PUBLIC, "areaM2 >= 1000.25").sql()).isEqualTo(
                "(FLOOR(area_m2 * 100 + CAST(0.5 AS DOUBLE PRECISION)) / 100 >= CAST(? AS DOUBLE PRECISION))");
    }

    @Test
    void aCollectionsFixedRowsAreBoundToo() {
        SqlFilter sites = sql("available-sites", Audience.PLANNER, "TRUE");
        assertThat(sites.sql()).isEqualTo("(status = CAST(? AS VARCHAR) AND (1 = 1))");
        assertThat(sites.parameters()).containsExactly("available");
        SqlFilter publicSites = sql("available-sites", Audience.PUBLIC, "FALSE");
        assertThat(publicSites.sql()).isEqualTo("(status IN ('available', 'reserved', 'allocated') AND "
                + "status = CAST(? AS VARCHAR) AND (1 = 0))");
        assertThat(sql("road-reserves", Audience.PUBLIC, "roadClass = 'branch'").parameters())
                .containsExactly("reserve", "branch");
    }

    @Test
    void everyPredicate() {
        assertThat(sql("zones", Audience.PUBLIC, "nameEn NOT LIKE 'a!b\\%c%%_'").sql())
                .isEqualTo("(NOT (name_en LIKE CAST(? AS VARCHAR) ESCAPE '!'))");
        assertThat(sql("zones", Audience.PUBLIC, "nameEn LIKE 'a!b\\%c%%_'").parameters())
                .as("the pattern re-escaped with ! for %, _ and ! only, a run of % as one").containsExactly("a!!b!%c%_");
        assertThat(sql("zones", Audience.PUBLIC, "nameEn LIKE '\\\\\\\\x\\\\y'").parameters()).containsExactly("\\xy");
        assertThat(sql("zones", Audience.PUBLIC, "areaM2 NOT BETWEEN 1 AND 2").sql()).isEqualTo(
                "(NOT (FLOOR(area_m2 * 100 + CAST(0.5 AS DOUBLE PRECISION)) / 100 BETWEEN CAST(? AS DOUBLE PRECISION) "
                        + "AND CAST(? AS DOUBLE PRECISION)))");
        assertThat(sql("zones", Audience.PUBLIC, "category NOT IN ('a')").sql())
                .isEqualTo("(NOT (category IN (CAST(? AS VARCHAR))))");
        assertThat(sql("valley", Audience.PUBLIC, "phase IS NOT NULL OR NOT phase IS NULL").sql())
                .isEqualTo("((phase IS NOT NULL) OR (NOT (phase IS NULL)))");
        assertThat(sql("zones", Audience.PUBLIC, "allocatable = TRUE").parameters()).containsExactly(true);
        SqlFilter timestamp = sql("parcels", Audience.PLANNER, "updatedAt < TIMESTAMP('2026-01-01T00:00:00Z')");
        assertThat(timestamp.sql()).isEqualTo("(updated_at < CAST(? AS TIMESTAMP WITH TIME ZONE))");
        assertThat(timestamp.parameters()).containsExactly(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(sql("zones", Audience.PUBLIC, "DATE('2026-01-01') < DATE('2026-01-02')").sql())
                .isEqualTo("(CAST(? AS DATE) < CAST(? AS DATE))");
        assertThat(sql("zones", Audience.PUBLIC, "nameZh >= nameEn").sql())
                .isEqualTo("((name_zh) COLLATE \"C\" >= (name_en) COLLATE \"C\")");
    }

    @Test
    void spatialPredicatesTestTheBoxesFirstInTheFilterCrsColumn() {
        SqlFilter crs84 = sql("parcels", Audience.PLANNER, "S_INTERSECTS(geometry, POINT(117.2 36.7))");
        assertThat(crs84.sql()).isEqualTo("(geom_crs84 && ST_GeomFromWKB(?, 4326) AND ST_Intersects(geom_crs84, "
                + "ST_GeomFromWKB(?, 4326)))");
        assertThat(crs84.parameters()).hasSize(2).allSatisfy(g -> assertThat(((Geometry) g).getSRID()).isEqualTo(4326));
        SqlFilter planar = sql("parcels", Audience.PLANNER, "S_WITHIN(POINT(517000 4065000), geometry)",
                FilterCrs.EPSG_4548);
        assertThat(planar.sql()).isEqualTo("(ST_GeomFromWKB(?, 4548) && geom AND ST_Within(ST_GeomFromWKB(?, 4548), "
                + "geom))");
        assertThat(planar.columns()).containsExactly("geom");
    }

    // ---- Generated filters over every collection: only our names and constants, every literal a parameter. ----

    private static final Set<String> SQL_WORDS = Set.of("CASE", "WHEN", "THEN", "END", "AND", "OR", "NOT", "IN", "IS",
            "NULL", "LIKE", "ESCAPE", "BETWEEN", "CAST", "AS", "VARCHAR", "DOUBLE", "PRECISION", "BOOLEAN", "TIMESTAMP",
            "WITH", "TIME", "ZONE", "DATE", "FLOOR", "ST_Intersects", "ST_Within", "ST_GeomFromWKB", "COLLATE");
    private static final Set<String> SQL_CONSTANTS = Set.of("'available'", "'reserved'", "'allocated'", "'unavailable'",
            "'!'", "\"C\"");
    private static final Set<String> SQL_NUMBERS = Set.of("0", "1", "100", "0.5", "4326", "4548");
    private static final Pattern CONSTANT = Pattern.compile("'(?:[^']|'')*'|\"[^\"]*\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_0-9.])[0-9]+(?:\\.[0-9]+)?");

    @Test
    void generatedFiltersUseOnlyRegistryColumnsAndBindEveryLiteral() {
        ParkDataset park = ParkData.dataset();
        Map<String, List<FilterOracle.Feature>> views = ParkViews.of(park.parcels(), park.zones(), park.valley(),
                park.constraints(), park.roads(), ParkData.places().places());
        Random random = new Random(42);
        for (Queryables queryables : Queryables.all()) {
            Set<String> columns = new HashSet<>(List.of("status", "geom", "geom_crs84"));
            queryables.properties().stream().filter(q -> q.column() != null).forEach(q -> columns.add(q.column()));
            columns.addAll(queryables.fixedColumns().keySet());
            for (Audience audience : Audience.values()) {
                List<FilterOracle.Feature> features = views.get(ParkViews.key(queryables.collectionId(), audience));
                for (int i = 0; i < 300; i++) {
                    FilterCrs crs = random.nextBoolean() ? FilterCrs.CRS84 : FilterCrs.EPSG_4548;
                    Filter filter = new RandomFilters(queryables, audience, features, crs.target(), random).next(4);
                    SqlFilter sql = queryables.bind(filter, audience).toSql(DIALECT);
                    String text = sql.sql();
                    String context = FilterWriter.text(filter) + "\n  as " + text;

                    Matcher constants = CONSTANT.matcher(text);
                    while (constants.find()) {
                        assertThat(SQL_CONSTANTS).as(context).contains(constants.group());
                    }
                    String bare = CONSTANT.matcher(text).replaceAll(" ");
                    Matcher words = WORD.matcher(bare);
                    while (words.find()) {
                        assertThat(words.group()).as(context).isIn(union(columns, SQL_WORDS));
                    }
                    Matcher numbers = NUMBER.matcher(bare);
                    while (numbers.find()) {
                        assertThat(SQL_NUMBERS).as(context).contains(numbers.group());
                    }
                    assertThat(bare.chars().filter(c -> c == '?').count()).as(context)
                            .isEqualTo(sql.parameters().size());
                    assertThat(sql.columns()).as(context).isSubsetOf(columns);
                    assertThat(literals(filter)).as("every literal is a parameter: " + context)
                            .isSubsetOf(sql.parameters().stream().map(SqlTranslatorTest::comparable).toList());
                }
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The literals of a filter but LIKE patterns (re-escaped) and geometries, as strings. */
    private static List<String> literals(Filter filter) {
        List<String> literals = new java.util.ArrayList<>();
        collect(filter, literals);
        return literals;
    }

    private static void collect(Filter filter, List<String> literals) {
        if (filter instanceof Filter.And and) {
            and.terms().forEach(t -> collect(t, literals));
        } else if (filter instanceof Filter.Or or) {
            or.terms().forEach(t -> collect(t, literals));
        } else if (filter instanceof Filter.Not not) {
            collect(not.term(), literals);
        } else if (filter instanceof Filter.Comparison c) {
            operand(c.left(), literals);
            operand(c.right(), literals);
        } else if (filter instanceof Filter.Between b) {
            List.of(b.value(), b.low(), b.high()).forEach(o -> operand(o, literals));
        } else if (filter instanceof Filter.In in) {
            operand(in.value(), literals);
            in.list().forEach(o -> operand(o, literals));
        }
    }

    private static void operand(Operand operand, List<String> literals) {
        if (operand instanceof Operand.Text text) {
            literals.add(text.value());
        } else if (operand instanceof Operand.Number number) {
            literals.add(Double.toString(number.value()));
        } else if (operand instanceof Operand.Bool bool) {
            literals.add(Boolean.toString(bool.value()));
        }
    }

    private static String comparable(Object parameter) {
        return parameter instanceof Double d ? Double.toString(d) : String.valueOf(parameter);
    }
}
