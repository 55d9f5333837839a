package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.Zone;

/**
 * {@code sliver.gap} (warning): the site leaves no unusable sliver beside its neighbours: a strip of the zone
 * narrower than the sliver width (rule book, 20 m) and smaller than the zone's minimum parcel area, between the
 * site and the parcels or roads around it. Such land can never be allocated.
 */
final class SliverGapRule implements Rule {

    static final String ID = "sliver.gap";
    /** A strip closer than this to the site is one the site leaves, metres. */
    private static final double SITE_DISTANCE_METRES = 0.01;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        ZoneRules rules = check.zoneRules().orElse(null);
        Zone zone = check.site().zone(check.candidate().zone()).orElse(null);
        if (rules == null || zone == null || rules.parcelAreaM2() == null || rules.parcelAreaM2().min() == null) {
            return List.of();
        }
        double width = check.checks().sliverMaxWidthMetres();
        double minArea = rules.parcelAreaM2().min();
        Geometry site = check.candidate().planar();
        // The band around the site where a sliver could be left, inside the zone: the site's envelope grown by twice
        // the sliver width, so that open land beyond the site shows as wider than a sliver and is not mistaken for
        // one. A rectangle keeps the overlays cheap; the opening below judges width on the real shapes.
        Geometry band = Overlays.clip(zone.planar(), check.envelopeGrownBy(2 * width));
        // What is left of the band once the site, the other parcels and the roads are taken out. Successive
        // differences through OverlayNG clip each (possibly kilometres-long) road to the band, unlike one big union
        // (which would also cost one overlay per neighbour: a union of n outlines is n - 1 overlays). A neighbour or
        // road whose envelope misses what is left has nothing to take out and costs no overlay.
        double tolerance = check.checks().overlapToleranceM2();
        Geometry left = Overlays.difference(band, site);
        for (Parcel other : check.site().parcelsNear(check.envelopeGrownBy(2 * width))) {
            if (left.getArea() <= tolerance) {
                return List.of(); // nothing left to be a sliver: the usual case of a site on the parcel grid
            }
            if (!other.id().equals(check.candidate().parcelId()) && meets(other.planar(), left)) {
                left = Overlays.difference(left, other.planar());
            }
        }
        for (Road road : check.site().roadReservesNear(check.envelopeGrownBy(2 * width))) {
            if (left.getArea() <= tolerance) {
                return List.of();
            }
            if (meets(road.planar(), left)) {
                left = Overlays.difference(left, road.planar());
            }
        }
        if (left.getArea() <= tolerance) {
            return List.of();
        }
        // Only the parts of what is left that touch the site can hold a sliver the site leaves (a strip lies inside
        // one part, and the parts meet at most at points, so each part's opening is its own): the others are not
        // opened at all, and when none touches there is nothing to open.
        left = touching(left, site);
        if (left.isEmpty()) {
            return List.of();
        }
        // Morphological opening: what does not survive shrinking by half the sliver width and growing back is
        // narrower than the sliver width. Mitred joins keep right-angled corners of wide land intact.
        BufferParameters mitre = new BufferParameters();
        mitre.setJoinStyle(BufferParameters.JOIN_MITRE);
        mitre.setMitreLimit(10);
        Geometry wide = BufferOp.bufferOp(BufferOp.bufferOp(left, -width / 2, mitre), width / 2, mitre);
        Geometry thin = Overlays.difference(left, wide);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < thin.getNumGeometries(); i++) {
            Geometry piece = thin.getGeometryN(i);
            double area = piece.getArea();
            // Only strips the site itself leaves, above the drawing-noise tolerance and too small to be a parcel.
            if (area > check.checks().overlapToleranceM2() && area < minArea && piece.distance(site) < SITE_DISTANCE_METRES
                    && !Overlays.isGridNoise(piece)) {
                findings.add(Finding.warning(ID, "The site leaves a sliver of " + Check.areaEn(area) + ", narrower than "
                        + Check.format(width) + " m, that can never be a parcel (minimum " + Check.areaEn(minArea) + ").",
                        "地块留下 " + Check.areaZh(area) + "、宽不足 " + Check.format(width) + " 米的零碎用地，无法再出让（地块下限 "
                                + Check.areaZh(minArea) + "）。", area, minArea, "m²",
                        check.source(check.checks().source()), List.of(zone.id()), piece));
            }
        }
        return findings;
    }

    /** False when the envelopes prove {@code cutter} has nothing to take out of {@code left}. */
    private static boolean meets(Geometry cutter, Geometry left) {
        return cutter.getEnvelopeInternal().intersects(left.getEnvelopeInternal());
    }

    /** The polygons of {@code left} within the finding's 0.01 m of the site (all of it when all are). */
    private static Geometry touching(Geometry left, Geometry site) {
        List<Geometry> near = new ArrayList<>(left.getNumGeometries());
        for (int i = 0; i < left.getNumGeometries(); i++) {
            Geometry part = left.getGeometryN(i);
            if (part.distance(site) < SITE_DISTANCE_METRES) {
                near.add(part);
            }
        }
        if (near.size() == left.getNumGeometries()) {
            return left;
        }
        return near.isEmpty() ? left.getFactory().createPolygon() : left.getFactory().buildGeometry(near);
    }
}
