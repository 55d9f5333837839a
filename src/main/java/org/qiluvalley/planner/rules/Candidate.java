package org.qiluvalley.planner.rules;

import org.locationtech.jts.geom.Geometry;

/**
 * The allocation being checked: a site (an existing parcel, or a drawn outline) with the intended zone, land use
 * and indicators.
 *
 * @param parcelId the existing parcel this allocation is for, or null for a drawn site
 * @param planar the site's outline in EPSG:4548 (metres); may be invalid: {@code geometry.valid} says so
 * @param zone the zone id the site is allocated in
 * @param landUse the intended land-use code
 * @param indicators proposed indicators; an absent one is not checked
 * @param allotteeType {@code enterprise} or {@code facility}, or null when not given
 */
public record Candidate(String parcelId, Geometry planar, String zone, String landUse, ProposedIndicators indicators,
        String allotteeType) {

    /** Proposed planning indicators; null means "not proposed, not checked". Ratios are fractions (0.4 = 40%). */
    public record ProposedIndicators(Double far, Double coverage, Double greenRatio, Double heightMetres) {
        public static final ProposedIndicators NONE = new ProposedIndicators(null, null, null, null);
    }
}
