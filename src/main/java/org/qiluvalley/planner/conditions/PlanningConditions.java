package org.qiluvalley.planner.conditions;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * One parcel's planning conditions (规划条件), everything the letter states, computed in EPSG:4548 (metres, m²).
 *
 * @param draft true when the letter is not an issuable one: the parcel is not available (planners only)
 * @param status the parcel's status, {@code null} in the public variant
 * @param generatedAt when this letter was computed
 * @param areaM2 the parcel's area, m², EPSG:4548 (equals the shoelace area of {@code boundaryPoints})
 * @param areaHa the same in hectares, 4 decimals
 * @param areaMu the same in mu (1 mu = 10,000/15 m²), 2 decimals
 * @param indicators the planning indicators (控制指标) with the rule book source of each
 * @param roadSetbacks the building setback from each adjoining road's red line, by the road's class
 * @param adjoining what adjoins the parcel on each side (四至)
 * @param controlLines control-line areas within 200 m with their distances
 * @param distances the straight-line distance to each place investors measure a site against (airport, station...),
 *        from the parcel's outline, EPSG:4548
 * @param leaseTerm the maximum term of the land-use right for the land use's category
 * @param pledges the standard-land (标准地) minimums of the zone, {@code null} when the zone has none
 * @param crs the CRS URI of {@code boundaryPoints} (EPSG:4548)
 * @param boundaryPoints the outline's vertices (界址点), clockwise from the north-west corner, to 0.01 m
 * @param map what the letter's map draws (planar EPSG:4548)
 */
public record PlanningConditions(String parcelId, boolean draft, String status, Instant generatedAt, Named zone,
        LandUse landUse, double areaM2, double areaHa, double areaMu, List<Indicator> indicators,
        List<RoadSetback> roadSetbacks, List<Adjoining> adjoining, List<ControlLine> controlLines,
        List<Distance> distances, LeaseTerm leaseTerm, Pledges pledges, String crs, List<BoundaryPoint> boundaryPoints,
        MapContent map) {

    /** An id with its English and Chinese names. */
    public record Named(String id, String nameEn, String nameZh) {
    }

    public record LandUse(String code, String nameZh, String nameEn) {
    }

    /**
     * One indicator: the parcel's range and the rule book source of the zone's limits.
     *
     * @param key {@code far}, {@code coverage}, {@code greenRatio}, {@code heightMax} or {@code setback}
     * @param min lower bound, {@code null} when none (coverage and green ratio as fractions)
     * @param max upper bound, {@code null} when none
     * @param unit {@code ratio}, {@code fraction} or {@code m}
     * @param source the title of the source (standard or plan) the zone's limits come from
     */
    public record Indicator(String key, String nameEn, String nameZh, Double min, Double max, String unit,
            String source) {
    }

    /**
     * @param roadClass {@code arterial}, {@code secondary} or {@code branch}
     * @param side {@code north}, {@code east}, {@code south} or {@code west}: where the road lies from the parcel
     * @param distanceMetres distance from the parcel to the road reserve (red line), metres
     * @param setbackMetres building setback from the red line required for the road's class, metres
     */
    public record RoadSetback(String roadId, String nameEn, String nameZh, String roadClass, double redLineWidthMetres,
            String side, double distanceMetres, double setbackMetres, String source) {
    }

    /**
     * @param side {@code north}, {@code east}, {@code south} or {@code west}
     * @param kind {@code road}, {@code parcel}, {@code zone} (the parcel's edge is a zone boundary) or {@code open}
     *        (nothing within reach on that side)
     * @param id the adjoining feature's id, {@code null} for {@code open} or for a parcel the caller may not see
     */
    public record Adjoining(String side, String kind, String id, String nameEn, String nameZh) {
    }

    /**
     * @param relation {@code inside} (the parcel lies within the area: what an urban development boundary asks),
     *        {@code overlaps} (part of the parcel is in it) or {@code outside}
     * @param distanceMetres from the parcel to the area, metres; 0 when inside or overlapping
     */
    public record ControlLine(String id, String kind, String nameEn, String nameZh, String relation,
            double distanceMetres) {
    }

    /**
     * The straight-line distance from the parcel to a place.
     *
     * @param place the place's id (a feature of the {@code places} collection)
     * @param kind {@code airport}, {@code railway-station}, {@code expressway-interchange} or {@code service-centre}
     * @param km from the point of the parcel's outline nearest the place to the place, kilometres in EPSG:4548; 0 when
     *        the place is on or inside the parcel
     */
    public record Distance(String place, String kind, String nameEn, String nameZh, double km) {
    }

    /** @param category the category of art. 12 of the 1990 regulations, English and Chinese */
    public record LeaseTerm(int maxYears, String categoryEn, String categoryZh, String source) {
    }

    /** Minimum standard-land pledges, 万元/亩. */
    public record Pledges(double investmentWanYuanPerMuMin, double taxWanYuanPerMuMin, String source) {
    }

    /** A boundary point (界址点): northing (X) then easting (Y), metres, EPSG:4548, rounded to 0.01 m. */
    public record BoundaryPoint(String name, double northing, double easting) {
    }

    /**
     * The letter's map, planar EPSG:4548.
     *
     * @param parcel the parcel's outline (its vertices are the boundary points)
     * @param neighbours parcels around it, each with its id (public variant: only the outlines of parcels the public may
     *        see by id carry one)
     * @param roadReserves road reserves around it, with names
     */
    public record MapContent(Polygon parcel, List<MapFeature> neighbours, List<MapFeature> roadReserves) {
    }

    /** A feature drawn on the letter's map; {@code label} may be null. */
    public record MapFeature(String label, Geometry planar) {
    }
}
