package org.qiluvalley.planner.rules;

import java.util.Locale;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.Parcel;

/** What a rule is given: the candidate, the park around it, and the rule book. */
public record Check(Candidate candidate, SiteContext site, ZoningRuleBook book) {

    /** The rule book entry of the candidate's zone, if the zone is in the rule book. */
    public Optional<ZoneRules> zoneRules() {
        return book.zone(candidate.zone());
    }

    /** The existing parcel the candidate is for, if any. */
    public Optional<Parcel> existingParcel() {
        return candidate.parcelId() == null ? Optional.empty() : site.parcel(candidate.parcelId());
    }

    /** The candidate's envelope grown by {@code metres} on every side, for index look-ups. */
    public Envelope envelopeGrownBy(double metres) {
        Envelope envelope = new Envelope(candidate.planar().getEnvelopeInternal());
        envelope.expandBy(metres);
        return envelope;
    }

    public ZoningRuleBook.Checks checks() {
        return book.checks();
    }

    /** The human title of a rule book source key. */
    public String source(String key) {
        return key == null ? "" : book.sourceTitle(key);
    }

    /** A number for a message: at most two decimals, no trailing zeros. */
    static String format(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** Below this a land area is shown in m² only: a hundredth of a hectare says nothing. */
    private static final double SMALL_AREA_M2 = 100;

    /** A number with thousands separators and at most two decimals, no trailing zeros: "215,621.73". */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%,.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /**
     * A land area (EPSG:4548) for an English message: "215,621.73 m² (21.56 ha, 323.4 mu)", the decimals of the
     * maps' area lines (ha to 0.01, mu to 0.1); a small one in m² only.
     */
    static String areaEn(double squareMetres) {
        return number(squareMetres) + " m²" + (Math.abs(squareMetres) < SMALL_AREA_M2 ? ""
                : String.format(Locale.ROOT, " (%,.2f ha, %,.1f mu)", squareMetres / Crs.SQUARE_METRES_PER_HECTARE,
                        squareMetres / Crs.SQUARE_METRES_PER_MU));
    }

    /** The same for a Chinese message: "215,621.73 平方米（21.56 公顷，323.4 亩）". */
    static String areaZh(double squareMetres) {
        return number(squareMetres) + " 平方米" + (Math.abs(squareMetres) < SMALL_AREA_M2 ? ""
                : String.format(Locale.ROOT, "（%,.2f 公顷，%,.1f 亩）", squareMetres / Crs.SQUARE_METRES_PER_HECTARE,
                        squareMetres / Crs.SQUARE_METRES_PER_MU));
    }

    /** A floor area (not land: no ha or mu): "6,000,000 m²". */
    static String floorEn(double squareMetres) {
        return number(squareMetres) + " m²";
    }

    /** The same for a Chinese message: "6,000,000 平方米". */
    static String floorZh(double squareMetres) {
        return number(squareMetres) + " 平方米";
    }

    /** A fraction as the percent a user types: 0.05 is "5%", 0.125 is "12.5%". */
    static String percent(double fraction) {
        return format(fraction * 100) + "%";
    }
}
