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
 * @param termYears the proposed term of the land-use right, years, or null when none is proposed: then
 *     {@code allocation.term} checks nothing
 */
public record Candidate(String parcelId, Geometry planar, String zone, String landUse, ProposedIndicators indicators,
        String allotteeType, Pledges pledges, Integer termYears) {

    /** A candidate without a proposed term. */
    public Candidate(String parcelId, Geometry planar, String zone, String landUse, ProposedIndicators indicators,
            String allotteeType, Pledges pledges) {
        this(parcelId, planar, zone, landUse, indicators, allotteeType, pledges, null);
    }

    /** A candidate without pledges (a site check, a parcel edit). */
    public Candidate(String parcelId, Geometry planar, String zone, String landUse, ProposedIndicators indicators,
            String allotteeType) {
        this(parcelId, planar, zone, landUse, indicators, allotteeType, null, null);
    }

    /**
     * "Standard land" (标准地) pledges, 万元/亩 (10,000 yuan per mu, 1 mu = 666.67 m²); a null value is a pledge not
     * made, which fails where the zone sets a minimum.
     */
    public record Pledges(Double investmentWanYuanPerMu, Double taxWanYuanPerMu) {
    }

    /**
     * Proposed planning indicators; null means "not proposed, not checked". Ratios are fractions (0.4 = 40%).
     *
     * @param coverage building coverage (建筑密度): building footprints over the parcel
     * @param adminShare the share of the parcel taken by administrative offices and living-service facilities
     *     (行政办公及生活服务设施用地所占比重), checked on industrial land
     * @param buildingCoefficient building coefficient (建筑系数): buildings, structures and open storage yards over
     *     the parcel, checked on industrial land; not the same as coverage
     */
    public record ProposedIndicators(Double far, Double coverage, Double greenRatio, Double heightMetres,
            Double adminShare, Double buildingCoefficient) {
        public static final ProposedIndicators NONE = new ProposedIndicators(null, null, null, null);

        /** The four planning-condition indicators, without the industrial-land ones. */
        public ProposedIndicators(Double far, Double coverage, Double greenRatio, Double heightMetres) {
            this(far, coverage, greenRatio, heightMetres, null, null);
        }
    }
}
