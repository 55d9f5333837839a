package org.qiluvalley.planner.conditions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.rules.LeaseTerms;
import org.qiluvalley.planner.rules.Limit;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoneRules;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Computes a parcel's planning conditions from the stored parcel, its surroundings and the rule book, all in
 * EPSG:4548 (metres, m²). Who sees what: planners any parcel (a letter for a parcel that is not available is a
 * draft); the public available sites only (any other id is the same 404 as an unknown one), without the status and
 * without the ids of neighbouring parcels that are not available.
 */
@Component
public class ConditionsBuilder {

    /** Control lines this close are listed, metres. */
    static final double CONTROL_LINE_REACH_METRES = 200;
    /** A road reserve or parcel this close adjoins the parcel, metres (the rule book's frontage distance is 5 m). */
    static final double ADJOINING_METRES = 5;
    /** The map shows this much around the parcel, as a fraction of its larger side. */
    static final double MAP_MARGIN = 0.35;

    private final ParcelStore store;
    private final ZoningRuleBook book;
    private final Clock clock;

    @Autowired
    ConditionsBuilder(ParcelStore store, ZoningRuleBook book) {
        this(store, book, Clock.systemUTC());
    }

    ConditionsBuilder(ParcelStore store, ZoningRuleBook book, Clock clock) {
        this.store = store;
        this.book = book;
        this.clock = clock;
    }

    /** The conditions of parcel {@code id} as {@code planner} or the public may read them. */
    public PlanningConditions build(String id, boolean planner) {
        Parcel parcel = store.findById(Layer.PARCELS, id)
                .filter(p -> planner || p.status() == ParcelStatus.AVAILABLE)
                .orElseThrow(() -> new NotFoundException("no available site \"" + RefusedException.clip(id) + "\""));
        StoreSiteContext park = new StoreSiteContext(store);
        ZoneRules zone = book.zone(parcel.zone()).orElseThrow();
        Polygon outline = parcel.planar();
        var landUse = book.landUse(parcel.landUse()).orElseThrow();
        double area = parcel.areaSquareMetres();

        Envelope near = new Envelope(outline.getEnvelopeInternal());
        near.expandBy(ADJOINING_METRES);
        List<Road> reserves = park.roadReservesNear(near).stream()
                .filter(r -> outline.isWithinDistance(r.planar(), ADJOINING_METRES)).toList();
        List<Parcel> neighbours = park.parcelsNear(near).stream()
                .filter(p -> !p.id().equals(parcel.id()) && outline.isWithinDistance(p.planar(), ADJOINING_METRES))
                .toList();

        return new PlanningConditions(parcel.id(), parcel.status() != ParcelStatus.AVAILABLE,
                planner ? parcel.status().wireName() : null, Instant.now(clock),
                new PlanningConditions.Named(zone.id(), zone.nameEn(), zone.nameZh()),
                new PlanningConditions.LandUse(landUse.code(), landUse.nameZh(), landUse.nameEn()),
                round(area, 2), round(area / 10_000, 4), round(area / Crs.SQUARE_METRES_PER_MU, 2),
                indicators(parcel.indicators(), zone), roadSetbacks(outline, reserves),
                adjoining(outline, reserves, neighbours, planner), controlLines(outline, park),
                PlaceDistances.of(outline, store.find(Layer.PLACES, FeatureQuery.all()).items()),
                leaseTerm(parcel.landUse()), pledges(zone), Crs.PLANAR_URI,
                BoundaryPoints.of(outline), map(outline, parcel.id(), park, planner));
    }

    private List<PlanningConditions.Indicator> indicators(PlanningIndicators ind, ZoneRules zone) {
        String setbackSource = book.sourceTitle(book.roadSetbacks().source());
        return List.of(
                new PlanningConditions.Indicator("far", "Floor area ratio", "容积率", ind.farMin(), ind.farMax(),
                        "ratio", source(zone.far())),
                new PlanningConditions.Indicator("coverage", "Building coverage", "建筑密度", ind.coverageMin(),
                        ind.coverageMax(), "fraction", source(zone.coverage())),
                new PlanningConditions.Indicator("greenRatio", "Green ratio", "绿地率", ind.greenRatioMin(),
                        ind.greenRatioMax(), "fraction", source(zone.greenRatio())),
                new PlanningConditions.Indicator("heightMax", "Building height", "建筑限高", null,
                        ind.heightMaxMetres(), "m", source(zone.heightMaxMetres())),
                new PlanningConditions.Indicator("setback", "Building setback from the road red line",
                        "建筑退让道路红线", ind.setbackMetres(), null, "m", setbackSource));
    }

    private String source(Limit limit) {
        return limit == null ? "" : book.sourceTitle(limit.source());
    }

    private List<PlanningConditions.RoadSetback> roadSetbacks(Polygon outline, List<Road> reserves) {
        ZoningRuleBook.RoadSetbacks setbacks = book.roadSetbacks();
        String source = book.sourceTitle(setbacks.source());
        List<PlanningConditions.RoadSetback> result = new ArrayList<>();
        for (Road road : reserves) {
            double setback = switch (road.roadClass()) {
                case "arterial" -> setbacks.arterialMetres();
                case "secondary" -> setbacks.secondaryMetres();
                default -> setbacks.branchMetres();
            };
            result.add(new PlanningConditions.RoadSetback(road.id(), road.nameEn(), road.nameZh(), road.roadClass(),
                    road.redLineWidthMetres(), side(outline, road.planar()), round(outline.distance(road.planar()), 2),
                    setback, source));
        }
        result.sort(Comparator.comparing(PlanningConditions.RoadSetback::side, SIDE_ORDER)
                .thenComparing(PlanningConditions.RoadSetback::roadId));
        return result;
    }

    private static final List<String> SIDES = List.of("north", "east", "south", "west");
    private static final Comparator<String> SIDE_ORDER = Comparator.comparingInt(SIDES::indexOf);

    /** 四至: on each side, the roads and parcels within reach; a side with none is {@code open}. */
    private static List<PlanningConditions.Adjoining> adjoining(Polygon outline, List<Road> reserves,
            List<Parcel> neighbours, boolean planner) {
        Map<Side, List<PlanningConditions.Adjoining>> bySide = new EnumMap<>(Side.class);
        for (Road road : reserves) {
            String side = side(outline, road.planar());
            bySide.computeIfAbsent(Side.valueOf(side.toUpperCase(java.util.Locale.ROOT)), s -> new ArrayList<>())
                    .add(new PlanningConditions.Adjoining(side, "road", road.id(), road.nameEn(), road.nameZh()));
        }
        for (Parcel parcel : neighbours) {
            String side = side(outline, parcel.planar());
            boolean named = planner || parcel.status() == ParcelStatus.AVAILABLE;
            bySide.computeIfAbsent(Side.valueOf(side.toUpperCase(java.util.Locale.ROOT)), s -> new ArrayList<>())
                    .add(new PlanningConditions.Adjoining(side, "parcel", named ? parcel.id() : null,
                            named ? "Parcel " + parcel.id() : "Another parcel (not available)",
                            named ? "地块 " + parcel.id() : "其他地块（不可供地）"));
        }
        List<PlanningConditions.Adjoining> result = new ArrayList<>();
        for (Side side : Side.values()) {
            List<PlanningConditions.Adjoining> here = bySide.get(side);
            if (here == null) {
                result.add(new PlanningConditions.Adjoining(side.wire(), "open", null,
                        "No road or parcel within " + (int) ADJOINING_METRES + " m", (int) ADJOINING_METRES
                                + " 米内无道路或地块"));
            } else {
                result.addAll(here);
            }
        }
        return result;
    }

    private enum Side {
        NORTH, EAST, SOUTH, WEST;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Which side of the parcel {@code other} lies on: the bearing from the parcel's centroid to the nearest point of
     * {@code other} (or, when they touch or overlap, to the centre of what they share within reach), by quadrant.
     */
    static String side(Polygon outline, Geometry other) {
        Point centre = outline.getCentroid();
        Geometry shared = outline.buffer(ADJOINING_METRES).intersection(other);
        double x;
        double y;
        if (!shared.isEmpty()) {
            Point c = shared.getCentroid();
            x = c.getX();
            y = c.getY();
        } else {
            var nearest = DistanceOp.nearestPoints(outline, other)[1];
            x = nearest.x;
            y = nearest.y;
        }
        // Normalise by the parcel's extent, so that a long east-west parcel's northern road reads as north.
        Envelope e = outline.getEnvelopeInternal();
        double dx = (x - centre.getX()) / Math.max(e.getWidth(), 1);
        double dy = (y - centre.getY()) / Math.max(e.getHeight(), 1);
        if (Math.abs(dy) >= Math.abs(dx)) {
            return dy >= 0 ? "north" : "south";
        }
        return dx >= 0 ? "east" : "west";
    }

    private static List<PlanningConditions.ControlLine> controlLines(Polygon outline, StoreSiteContext park) {
        Envelope reach = new Envelope(outline.getEnvelopeInternal());
        reach.expandBy(CONTROL_LINE_REACH_METRES);
        List<PlanningConditions.ControlLine> lines = new ArrayList<>();
        for (ConstraintArea area : park.constraintsNear(reach)) {
            double distance = outline.distance(area.planar());
            if (distance <= CONTROL_LINE_REACH_METRES) {
                // Within the containment tolerance of the rule book's checks (0.05 m), a parcel counts as inside.
                String relation = distance > 0 ? "outside"
                        : area.planar().buffer(0.05).covers(outline) ? "inside" : "overlaps";
                lines.add(new PlanningConditions.ControlLine(area.id(), area.kind().wireName(), area.nameEn(),
                        area.nameZh(), relation, round(distance, 1)));
            }
        }
        lines.sort(Comparator.comparingDouble(PlanningConditions.ControlLine::distanceMetres)
                .thenComparing(PlanningConditions.ControlLine::id));
        return lines;
    }

    /** The statutory maximum term for the land use, from the rule book's one table ({@link LeaseTerms}). */
    private static PlanningConditions.LeaseTerm leaseTerm(String landUse) {
        LeaseTerms.Term term = LeaseTerms.forLandUse(landUse);
        return new PlanningConditions.LeaseTerm(term.maxYears(), term.categoryEn(), term.categoryZh(), LeaseTerms.SOURCE);
    }

    private PlanningConditions.Pledges pledges(ZoneRules zone) {
        ZoneRules.Pledges p = zone.pledges();
        return p == null ? null : new PlanningConditions.Pledges(p.investmentWanYuanPerMuMin(),
                p.taxWanYuanPerMuMin(), book.sourceTitle(p.source()));
    }

    private static PlanningConditions.MapContent map(Polygon outline, String id, StoreSiteContext park,
            boolean planner) {
        Envelope frame = new Envelope(outline.getEnvelopeInternal());
        frame.expandBy(Math.max(frame.getWidth(), frame.getHeight()) * MAP_MARGIN);
        List<PlanningConditions.MapFeature> parcels = park.parcelsNear(frame).stream()
                .filter(p -> !p.id().equals(id))
                .map(p -> new PlanningConditions.MapFeature(
                        planner || p.status() == ParcelStatus.AVAILABLE ? p.id() : null, p.planar()))
                .toList();
        List<PlanningConditions.MapFeature> roads = park.roadReservesNear(frame).stream()
                .map(r -> new PlanningConditions.MapFeature(r.nameZh(), r.planar())).toList();
        return new PlanningConditions.MapContent(outline, parcels, roads);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
