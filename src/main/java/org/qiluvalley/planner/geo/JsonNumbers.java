package org.qiluvalley.planner.geo;

import tools.jackson.core.JsonGenerator;

/**
 * Writes a {@code double} as JSON exactly as {@link Double#toString(double)} (and so Jackson's
 * {@link JsonGenerator#writeNumber(double)}) would, without its cost for the numbers the service writes most: the
 * ordinates and areas rounded to at most 8 decimals. {@code Double.toString} (JDK 17's {@code FloatingDecimal}, with
 * a thread-local look-up per number) was the largest single item in the profile of the map's items requests, which
 * write about 200 ordinates each (docs/benchmarks.md, "Items for F12").
 *
 * <p>The fast path takes a value {@code v} with {@code 10^-3 <= |v| < 10^7} that is the double nearest to a decimal
 * {@code d} with at most 8 decimals (tested: {@code round(|v| * 10^8) / 10^8 == |v|}). Then the text is {@code d}
 * itself, written plainly, without trailing zeros but with at least one decimal ({@code 117.0}, {@code 36.5},
 * {@code 117.11080209}). Why that is {@code Double.toString}'s text: in that range {@code Double.toString} writes
 * plain decimal digits (no exponent), and its digits are those of the shortest decimal within half an ulp of
 * {@code v} that its digit generation (Steele and White's, which stops at the first digit where the rest is within
 * half an ulp) meets first. Below {@code 10^7} an ulp is under {@code 2 * 10^-9}, so decimals with at most 8 decimals
 * are more than an ulp apart: {@code d} is the only one of them within half an ulp of {@code v}, and no shorter
 * decimal is; the generation stops at {@code d}'s last digit. {@code JsonNumbersTest} checks the claim against
 * {@code Double.toString} over every value of several ranges and millions of random ones. Anything else (zero,
 * {@code -0.0}, smaller or larger magnitudes, more decimals, NaN, infinities) goes to Jackson's
 * {@code writeNumber(double)} unchanged.
 */
public final class JsonNumbers {

    /** The most decimals of the fast path, and its scale. */
    private static final int DECIMALS = 8;
    private static final double SCALE = 1e8;
    private static final long UNIT = 100_000_000L;
    /** The longest text of the fast path: a sign, 7 integer digits, the point and 8 decimals. */
    static final int MAX_LENGTH = 17;

    private JsonNumbers() {
    }

    /** Writes {@code value} as {@code out.writeNumber(value)} would. */
    public static void write(JsonGenerator out, double value) {
        write(out, value, new char[MAX_LENGTH]);
    }

    /** The same, with a buffer of at least {@link #MAX_LENGTH} chars to write the text into (reused by callers). */
    public static void write(JsonGenerator out, double value, char[] buffer) {
        int length = format(value, buffer);
        if (length < 0) {
            out.writeNumber(value);
        } else {
            out.writeNumber(buffer, 0, length);
        }
    }

    /**
     * The text of {@code Double.toString(value)} into {@code buffer} from index 0, its length returned; or -1 when
     * {@code value} is not one the fast path takes (the buffer then holds nothing useful).
     */
    static int format(double value, char[] buffer) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return -1;
        }
        long scaled = Math.round(magnitude * SCALE);
        if (scaled / SCALE != magnitude) {
            return -1;
        }
        long whole = scaled / UNIT;
        long fraction = scaled - whole * UNIT;
        int decimals = DECIMALS;
        if (fraction == 0) {
            decimals = 1;
        } else {
            while (fraction % 10 == 0) {
                fraction /= 10;
                decimals--;
            }
        }
        int wholeDigits = whole < 10 ? 1 : whole < 100 ? 2 : whole < 1_000 ? 3 : whole < 10_000 ? 4
                : whole < 100_000 ? 5 : whole < 1_000_000 ? 6 : 7;
        int length = (value < 0 ? 1 : 0) + wholeDigits + 1 + decimals;
        int at = length;
        for (int i = 0; i < decimals; i++) {
            buffer[--at] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        buffer[--at] = '.';
        for (int i = 0; i < wholeDigits; i++) {
            buffer[--at] = (char) ('0' + whole % 10);
            whole /= 10;
        }
        if (value < 0) {
            buffer[--at] = '-';
        }
        return length;
    }
}
