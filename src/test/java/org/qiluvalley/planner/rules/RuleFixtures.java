package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;
import org.qiluvalley.planner.testsupport.ParkData;

/**
 * Small fixture worlds for the rule tests, in local EPSG:4548 metres (the rules do not care where on Earth), checked
 * against the real rule book ({@code gis-data/zoning-rules.yaml}).
 *
 * <p>The standard world ({@link #standardWorld()}), y pointing north:
 *
 * <pre>
 *  y=1000 +---------------------------+---------------+-------------------+   valley "qilu-valley" 0..2000 x 0..1000
 *         |  laser-industry           |  exhibition   |  infrastructure   |   = udb "udb"
 *   y=530 |===== keji-road-red-line (reserve, 30 m, y 500..530) =====================|
 *   y=500 |  LI-001 LI-002 LI-003 LI-004 |             |      |hv-corridor |
 *   y=400 |  (x 100..500, 100 m each)    |             |      |x 1800..1840|
 *         |                           |               |                   |
 *     y=0 +---------------------------+---------------+-------------------+
 *         x=0                      x=1000          x=1500              x=2000
 *   farmland-west: x -200..0, y 0..600;  eco-red-line: y -100..0;  river-blue-line: y -80..-40
 * </pre>
 *
 * LI-001 available, LI-002 allocated, LI-003 reserved, LI-004 withdrawn (so not in the site context).
 */
final class RuleFixtures {

    static final ZoningRuleBook BOOK = ParkData.ruleBook();

    static final String VALLEY = "qilu-valley";
    static final String LASER = "laser-industry";
    static final String EXHIBITION = "exhibition";
    static final String INFRASTRUCTURE = "infrastructure";
    static final String ROAD = "keji-road-red-line";
    static final String ROAD_CENTRELINE = "keji-road";
    static final String RED_LINE = "eco-red-line";
    static final String FARMLAND = "farmland-west";
    static final String UDB = "udb";
    static final String RIVER = "river-blue-line";
    static final String HV = "hv-corridor";
    static final String AVAILABLE_PARCEL = "LI-001";
    static final String ALLOCATED_PARCEL = "LI-002";
    static final String RESERVED_PARCEL = "LI-003";
    static final String WITHDRAWN_PARCEL = "LI-004";

    /** The source title every geometric check quotes (the rule book's {@code checks.source}). */
    static final String CHECKS_SOURCE = BOOK.sourceTitle(BOOK.checks().source());
    static final String CONTROL_LINE_SOURCE = "国土空间规划控制线 (territorial spatial plan control line): ";

    private static final WKTReader WKT = new WKTReader(CrsTransform.PLANAR);
    private static final Instant UPDATED = Instant.parse("2026-01-01T00:00:00Z");

    private RuleFixtures() {
    }

    static Geometry wkt(String text) {
        try {
            Geometry geometry = WKT.read(text);
            assertThat(geometry.getSRID()).isEqualTo(4548);
            return geometry;
        } catch (ParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The axis-aligned rectangle x0..x1 by y0..y1, metres. */
    static Polygon rect(double x0, double y0, double x1, double y1) {
        return (Polygon) wkt(String.format(java.util.Locale.ROOT, "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0));
    }

    /** A regular polygon (counter-clockwise ring) of {@code vertices} distinct vertices around (cx, cy). */
    static Polygon regularPolygon(double cx, double cy, double radius, int vertices) {
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            ring[i] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        }
        ring[vertices] = new Coordinate(ring[0]);
        return CrsTransform.PLANAR.createPolygon(ring);
    }

    // ---- domain records -----------------------------------------------------------------------------------------

    static ValleyPart valley(String id, Geometry planar) {
        return new ValleyPart(id, "boundary", null, "Qilu Optics Valley", "齐鲁光谷", planar.getArea(), planar, null);
    }

    static Zone zone(String id, Geometry planar) {
        ZoneRules rules = BOOK.zone(id).orElse(null);
        return new Zone(id, rules == null ? id : rules.nameEn(), rules == null ? id : rules.nameZh(),
                rules == null ? "enterprise" : rules.category().wireName(), rules == null || rules.allocatable(),
                planar.getArea(), planar, null);
    }

    /** The planning conditions a parcel of {@code zoneId} gets from the rule book (the zone's full ranges). */
    static PlanningIndicators zoneIndicators(String zoneId) {
        ZoneRules z = BOOK.zone(zoneId).orElseThrow();
        return new PlanningIndicators(z.far().min(), z.far().max(), z.coverage().min(), z.coverage().max(),
                z.greenRatio().min(), z.greenRatio().max(), z.heightMaxMetres().max(), 5);
    }

    static Parcel parcel(String id, String zoneId, ParcelStatus status, Polygon planar) {
        return parcel(id, zoneId, status, zoneIndicators(zoneId), planar);
    }

    static Parcel parcel(String id, String zoneId, ParcelStatus status, PlanningIndicators indicators, Polygon planar) {
        return new Parcel(id, zoneId, "100101", status, indicators, planar.getArea(), 1, UPDATED, planar, null);
    }

    static ConstraintArea constraint(String id, ConstraintKind kind, Geometry planar) {
        return new ConstraintArea(id, kind, id + " (" + kind.wireName() + ")", id, planar, null);
    }

    static Road reserve(String id, double widthMetres, Geometry planar) {
        return new Road(id, "reserve", "Keji Road", "科技路", "secondary", widthMetres, planar, null);
    }

    static Road centreline(String id, Geometry planar) {
        return new Road(id, "centreline", "Keji Road", "科技路", "secondary", 30, planar, null);
    }

    // ---- candidates and checks ----------------------------------------------------------------------------------

    /** A drawn site (no parcel id) in laser-industry for class-1 industrial land, no indicators proposed. */
    static Candidate drawn(Geometry planar) {
        return drawn(planar, LASER);
    }

    static Candidate drawn(Geometry planar, String zoneId) {
        return new Candidate(null, planar, zoneId, BOOK.zone(zoneId).map(z -> z.permittedLandUses().get(0)).orElse(null),
                Candidate.ProposedIndicators.NONE, null);
    }

    static Candidate drawn(Geometry planar, String zoneId, Candidate.ProposedIndicators indicators) {
        return new Candidate(null, planar, zoneId, BOOK.zone(zoneId).map(z -> z.permittedLandUses().get(0)).orElse(null),
                indicators, null);
    }

    /** The allocation of an existing parcel as it is. */
    static Candidate existing(Parcel parcel) {
        return existing(parcel, Candidate.ProposedIndicators.NONE);
    }

    static Candidate existing(Parcel parcel, Candidate.ProposedIndicators indicators) {
        return new Candidate(parcel.id(), parcel.planar(), parcel.zone(), parcel.landUse(), indicators, null);
    }

    static Candidate.ProposedIndicators far(double far) {
        return new Candidate.ProposedIndicators(far, null, null, null);
    }

    static List<Finding> check(Rule rule, Candidate candidate, SiteContext site) {
        return rule.check(new Check(candidate, site, BOOK));
    }

    /** The only finding, failing with the findings when there is not exactly one. */
    static Finding only(List<Finding> findings) {
        assertThat(findings).as("findings").hasSize(1);
        return findings.get(0);
    }

    // ---- worlds -------------------------------------------------------------------------------------------------

    static World emptyWorld() {
        return new World();
    }

    static World standardWorld() {
        return new World()
                .valley(valley(VALLEY, rect(0, 0, 2000, 1000)))
                .zone(zone(LASER, rect(0, 0, 1000, 1000)))
                .zone(zone(EXHIBITION, rect(1000, 0, 1500, 1000)))
                .zone(zone(INFRASTRUCTURE, rect(1500, 0, 2000, 1000)))
                .road(reserve(ROAD, 30, rect(0, 500, 2000, 530)))
                .road(centreline(ROAD_CENTRELINE, wkt("LINESTRING (0 515, 2000 515)")))
                .parcel(parcel(AVAILABLE_PARCEL, LASER, ParcelStatus.AVAILABLE, rect(100, 400, 200, 500)))
                .parcel(parcel(ALLOCATED_PARCEL, LASER, ParcelStatus.ALLOCATED, rect(200, 400, 300, 500)))
                .parcel(parcel(RESERVED_PARCEL, LASER, ParcelStatus.RESERVED, rect(300, 400, 400, 500)))
                .parcel(parcel(WITHDRAWN_PARCEL, LASER, ParcelStatus.WITHDRAWN, rect(400, 400, 500, 500)))
                .constraint(constraint(RED_LINE, ConstraintKind.ECOLOGICAL_RED_LINE, rect(0, -100, 2000, 0)))
                .constraint(constraint(FARMLAND, ConstraintKind.PERMANENT_BASIC_FARMLAND, rect(-200, 0, 0, 600)))
                .constraint(constraint(UDB, ConstraintKind.URBAN_DEVELOPMENT_BOUNDARY, rect(0, 0, 2000, 1000)))
                .constraint(constraint(RIVER, ConstraintKind.RIVER_BLUE_LINE, rect(0, -80, 2000, -40)))
                .constraint(constraint(HV, ConstraintKind.HIGH_VOLTAGE_CORRIDOR, rect(1800, 0, 1840, 1000)));
    }

    static InMemorySiteContext standardSite() {
        return standardWorld().build();
    }

    /** Collects domain records, then builds the in-memory site context (STRtree snapshot). */
    static final class World {
        private ValleyPart valley;
        private final List<Zone> zones = new ArrayList<>();
        private final List<Parcel> parcels = new ArrayList<>();
        private final List<ConstraintArea> constraints = new ArrayList<>();
        private final List<Road> roads = new ArrayList<>();

        World valley(ValleyPart part) {
            this.valley = part;
            return this;
        }

        World zone(Zone zone) {
            zones.add(zone);
            return this;
        }

        World parcel(Parcel parcel) {
            parcels.add(parcel);
            return this;
        }

        World constraint(ConstraintArea area) {
            constraints.add(area);
            return this;
        }

        World road(Road road) {
            roads.add(road);
            return this;
        }

        World withoutValley() {
            valley = null;
            return this;
        }

        World withoutConstraints(ConstraintKind kind) {
            constraints.removeIf(c -> c.kind() == kind);
            return this;
        }

        World withoutRoads() {
            roads.clear();
            return this;
        }

        World withoutParcels() {
            parcels.clear();
            return this;
        }

        Parcel parcel(String id) {
            return parcels.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }

        InMemorySiteContext build() {
            return new InMemorySiteContext(valley, zones, parcels, constraints, roads);
        }
    }
}
