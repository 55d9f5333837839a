package org.qiluvalley.planner.conditions;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.qiluvalley.planner.conditions.PlanningConditions.Indicator;

/**
 * The letter's wording of values: numbers with the decimals the letter promises, the bilingual names of the model's
 * codes (sides, road classes, kinds) and indicator ranges. Plain text, not yet escaped.
 *
 * <p>Characters are chosen so that the PDF can draw every one: the CJK font (Droid Sans Fallback) has no Latin
 * glyphs, which come from the PDF's built-in Helvetica (WinAnsi); neither has {@code ≤ ≥ →}, so ranges are worded
 * ("至少 at least", "至多 at most") and joined with an en dash.
 */
final class ConditionsText {

    /** The park is in Jinan: dates are China Standard Time (UTC+8, no daylight saving). */
    static final ZoneId PARK_TIME = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private static final Map<String, String[]> SIDES = Map.of("north", new String[] {"北", "North"}, "east",
            new String[] {"东", "East"}, "south", new String[] {"南", "South"}, "west", new String[] {"西", "West"});

    private static final Map<String, String[]> ROAD_CLASSES = Map.of("arterial", new String[] {"主干路", "arterial"},
            "secondary", new String[] {"次干路", "secondary"}, "branch", new String[] {"支路", "branch"});

    private static final Map<String, String[]> ADJOINING_KINDS = Map.of("road", new String[] {"道路", "road"},
            "parcel", new String[] {"地块", "parcel"}, "zone", new String[] {"园区分区界线", "zone boundary"}, "open",
            new String[] {"无相邻要素", "open"});

    private static final Map<String, String[]> CONTROL_LINE_KINDS = Map.of(
            "ecological-red-line", new String[] {"生态保护红线", "ecological red line"},
            "permanent-basic-farmland", new String[] {"永久基本农田", "permanent basic farmland"},
            "urban-development-boundary", new String[] {"城镇开发边界", "urban development boundary"},
            "river-blue-line", new String[] {"河道蓝线", "river blue line"},
            "high-voltage-corridor", new String[] {"高压走廊", "high-voltage corridor"});

    private ConditionsText() {
    }

    /** {@code value} with {@code decimals} decimals and thousands separators ("1,234.50"), half-up. */
    static String grouped(double value, int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** {@code value} with {@code decimals} decimals, no separators (coordinates, ratios). */
    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The day of {@code instant} in the park's time zone, ISO 8601. */
    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(PARK_TIME));
    }

    /** The minute of {@code instant} in the park's time zone, with the zone stated. */
    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(PARK_TIME)) + " (UTC+8)";
    }

    static String side(String side) {
        return bilingual(SIDES, side);
    }

    static String roadClass(String roadClass) {
        return bilingual(ROAD_CLASSES, roadClass);
    }

    static String adjoiningKind(String kind) {
        return bilingual(ADJOINING_KINDS, kind);
    }

    static String controlLineKind(String kind) {
        return bilingual(CONTROL_LINE_KINDS, kind);
    }

    /** "中文 English" from the pair of both names; either may be null or blank. */
    static String names(String zh, String en) {
        String z = zh == null ? "" : zh.strip();
        String e = en == null ? "" : en.strip();
        return z.isEmpty() ? e : e.isEmpty() || e.equals(z) ? z : z + " " + e;
    }

    /**
     * An indicator's range in its unit: fractions as percent (0.3 is "30%"), ratios plain with two decimals, metres
     * as "24.0 m"; "至少 at least" or "至多 at most" when one bound is missing, "不限 none" when both are.
     */
    static String range(Indicator indicator) {
        Double min = indicator.min();
        Double max = indicator.max();
        if (min == null && max == null) {
            return "不限 none";
        }
        if (min == null) {
            return "至多 at most " + value(max, indicator.unit());
        }
        if (max == null) {
            return "至少 at least " + value(min, indicator.unit());
        }
        if (min.equals(max)) {
            return value(min, indicator.unit());
        }
        return value(min, indicator.unit()) + " – " + value(max, indicator.unit());
    }

    private static String value(double value, String unit) {
        return switch (unit == null ? "" : unit) {
            case "fraction" -> trimmed(value * 100) + "%";
            case "m" -> fixed(value, 1) + " m";
            case "ratio" -> fixed(value, 2);
            default -> trimmed(value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
        };
    }

    /** Up to two decimals, without trailing zeros (35%, 12.5%). */
    private static String trimmed(double value) {
        String text = fixed(value, 2);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static String bilingual(Map<String, String[]> names, String code) {
        if (code == null) {
            return "";
        }
        String[] name = names.get(code);
        return name == null ? code : name[0] + " " + name[1];
    }
}
