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
        return withoutTrailingZeros(String.format(Locale.ROOT, "%.2f", value));
    }

    /** Below this a land area is shown in m² only: a hundredth of a hectare says nothing. */
    private static final double SMALL_AREA_M2 = 100;

    /** A number with thousands separators and at most two decimals, no trailing zeros: "215,621.73". */
    static String number(double value) {
        return withoutTrailingZeros(grouped(value, 2));
    }

    /**
     * {@code String.format(Locale.ROOT, "%,.<decimals>f", value)}, the same text at a fraction of the cost: the
     * digits of {@code "%.<decimals>f"} with a comma before every third digit of the integer part. ({@code %,f}
     * clones a {@code DecimalFormat} per number: about 6 kB of garbage each, 16 numbers in a check that finds four
     * overlaps.)
     */
    static String grouped(double value, int decimals) {
        String plain = String.format(Locale.ROOT, decimals == 1 ? "%.1f" : "%.2f", value);
        if (!Double.isFinite(value)) {
            return plain;
        }
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        if (end - start <= 3) {
            return plain;
        }
        StringBuilder text = new StringBuilder(plain.length() + (end - start) / 3);
        text.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return text.append(plain, end, plain.length()).toString();
    }

    /** "1,234.50" to "1,234.5", "7.00" to "7": what the regular expressions "0+$" then "\\.$" removed. */
    private static String withoutTrailingZeros(String text) {
        if (text.indexOf('.') < 0) {
            return text;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * A land area (EPSG:4548) for an English message: "215,621.73 m² (21.56 ha, 323.4 mu)", the decimals of the
     * maps' area lines (ha to 0.01, mu to 0.1); a small one in m² only.
     */
    static String areaEn(double squareMetres) {
        return number(squareMetres) + " m²" + (Math.abs(squareMetres) < SMALL_AREA_M2 ? ""
                : " (" + grouped(squareMetres / Crs.SQUARE_METRES_PER_HECTARE, 2) + " ha, "
                        + grouped(squareMetres / Crs.SQUARE_METRES_PER_MU, 1) + " mu)");
    }

    /** The same for a Chinese message: "215,621.73 平方米（21.56 公顷，323.4 亩）". */
    static String areaZh(double squareMetres) {
        return number(squareMetres) + " 平方米" + (Math.abs(squareMetres) < SMALL_AREA_M2 ? ""
                : "（" + grouped(squareMetres / Crs.SQUARE_METRES_PER_HECTARE, 2) + " 公顷，"
                        + grouped(squareMetres / Crs.SQUARE_METRES_PER_MU, 1) + " 亩）");
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
