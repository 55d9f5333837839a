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
 * @param pledges the allottee's "standard land" pledges, or null when none are made (a dry run): then
 *     {@code pledge.minimum} checks nothing
 */
public record Candidate(String parcelId, Geometry planar, String zone, String landUse, ProposedIndicators indicators,
        String allotteeType, Pledges pledges) {

    /** A candidate without pledges (a site check, a parcel edit). */
    public Candidate(String parcelId, Geometry planar, String zone, String landUse, ProposedIndicators indicators,
            String allotteeType) {
        this(parcelId, planar, zone, landUse, indicators, allotteeType, null);
    }

    /**
     * "Standard land" (标准地) pledges, 万元/亩 (10,000 yuan per mu, 1 mu = 666.67 m²); a null value is a pledge not
     * made, which fails where the zone sets a minimum.
     */
    public record Pledges(Double investmentWanYuanPerMu, Double taxWanYuanPerMu) {
    }

    /** Proposed planning indicators; null means "not proposed, not checked". Ratios are fractions (0.4 = 40%). */
    public record ProposedIndicators(Double far, Double coverage, Double greenRatio, Double heightMetres) {
        public static final ProposedIndicators NONE = new ProposedIndicators(null, null, null, null);
    }
}
