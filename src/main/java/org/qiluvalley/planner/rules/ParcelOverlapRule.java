package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.qiluvalley.planner.parcel.Parcel;

/**
 * {@code parcel.overlap}: no interior overlap above the tolerance (0.5 m²) with another live parcel. One finding
 * per parcel overlapped, with the overlap polygon and its area.
 */
final class ParcelOverlapRule implements Rule {

    static final String ID = "parcel.overlap";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(Check check) {
        Geometry site = check.candidate().planar();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(site);
        double tolerance = check.checks().overlapToleranceM2();
        List<Finding> findings = new ArrayList<>();
        // Index first (envelope look-up), exact test second.
        for (Parcel other : check.site().parcelsNear(site.getEnvelopeInternal())) {
            if (other.id().equals(check.candidate().parcelId()) || !prepared.intersects(other.planar())) {
                continue;
            }
            Geometry overlap = Overlays.intersection(site, other.planar());
            double area = overlap.getArea();
            if (area > tolerance && !Overlays.isGridNoise(overlap)) {
                findings.add(Finding.error(ID, "The site overlaps parcel " + other.id() + " by " + Check.areaEn(area)
                        + " (more than " + Check.areaEn(tolerance) + ").", "地块与地块 " + other.id() + " 重叠 "
                        + Check.areaZh(area) + "（超过 " + Check.areaZh(tolerance) + "）。", area, tolerance,
                        "m²", check.source(check.checks().source()), List.of(other.id()), overlap));
            }
        }
        return findings;
    }
}
