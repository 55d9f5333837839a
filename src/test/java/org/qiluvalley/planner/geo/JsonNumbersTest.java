package org.qiluvalley.planner.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@link JsonNumbers} writes exactly what {@link Double#toString} (and Jackson's {@code writeNumber(double)}) writes.
 * The fast path was also checked, once, against {@code Double.toString} for every 8-decimal value in [0.001, 1), in
 * [117, 118) and in [9999999, 10^7), and every 3-decimal value in [0, 10^5) and [4 * 10^6, 4.1 * 10^6): 10^9
 * values, no difference (docs/benchmarks.md, "Items for F12"). These tests keep a sample of that.
 */
class JsonNumbersTest {

    private static final JsonFactory JSON = new JsonFactory();

    private static void assertSameAsDoubleToString(double value, char[] buffer) {
        int length = JsonNumbers.format(value, buffer);
        if (length >= 0) {
            assertThat(new String(buffer, 0, length)).as("%s", value).isEqualTo(Double.toString(value));
        }
    }

    @Test
    void everyEightDecimalValueOfARangeOfLongitudesAndLatitudes() {
        char[] buffer = new char[JsonNumbers.MAX_LENGTH];
        for (long m = 11_711_000_000L; m < 11_713_000_000L; m += 97) {
            assertSameAsDoubleToString(m / 1e8, buffer);
            assertSameAsDoubleToString(-m / 1e8, buffer);
        }
        for (long m = 3_679_000_000L; m < 3_680_000_000L; m += 53) {
            assertSameAsDoubleToString(m / 1e8, buffer);
        }
    }

    @Test
    void everyThreeDecimalValueOfARangeOfMetres() {
        char[] buffer = new char[JsonNumbers.MAX_LENGTH];
        for (long m = 0; m < 500_000L; m++) {
            assertSameAsDoubleToString(m / 1e3, buffer);
        }
        for (long m = 4_067_000_000L; m < 4_068_000_000L; m += 31) {
            assertSameAsDoubleToString(m / 1e3, buffer);
        }
    }

    @Test
    void smallAndLargeMagnitudesAndAnyDoubles() {
        char[] buffer = new char[JsonNumbers.MAX_LENGTH];
        for (long m = 100_000L; m < 1_000_000L; m++) {
            assertSameAsDoubleToString(m / 1e8, buffer);
        }
        for (long m = 999_999_000_000_000L; m < 1_000_000_000_000_000L; m += 167) {
            assertSameAsDoubleToString(m / 1e8, buffer);
        }
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(0, 10);
            double scale = Math.pow(10, decimals);
            assertSameAsDoubleToString(Math.round(random.nextDouble(-2e7, 2e7) / Math.pow(10, random.nextInt(0, 10))
                    * scale) / scale, buffer);
            assertSameAsDoubleToString(Double.longBitsToDouble(random.nextLong()), buffer);
            assertSameAsDoubleToString(random.nextDouble(1e-4, 1e8), buffer);
        }
    }

    @Test
    void takesTheRoundedValuesAndLeavesTheRestToJackson() {
        char[] buffer = new char[JsonNumbers.MAX_LENGTH];
        assertThat(JsonNumbers.format(117.11080209, buffer)).isEqualTo("117.11080209".length());
        assertThat(JsonNumbers.format(-36.5, buffer)).isEqualTo("-36.5".length());
        assertThat(new String(buffer, 0, 5)).isEqualTo("-36.5");
        assertThat(JsonNumbers.format(50.0, buffer)).isEqualTo(4);
        assertThat(new String(buffer, 0, 4)).isEqualTo("50.0");
        assertThat(JsonNumbers.format(-9_999_999.99999999, buffer)).isEqualTo(JsonNumbers.MAX_LENGTH);
        for (double other : new double[] {0.0, -0.0, 1e-4, Math.nextDown(1e-3), 1e7, 1e300, 117.123456789,
                Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE}) {
            assertThat(JsonNumbers.format(other, buffer)).as("%s", other).isEqualTo(-1);
        }
    }

    @Test
    void writesWhatJacksonWrites() {
        double[] values = {117.11080209, -0.0, 0.0, 1.0, 2.5, 8634.73, 1e-5, 1.0E7, 123456789.125, Double.NaN,
                -117.5, 0.001, 36.79449827};
        assertThat(written(values, true)).isEqualTo(written(values, false));
    }

    private static String written(double[] values, boolean fast) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartArray();
            for (double value : values) {
                if (fast) {
                    JsonNumbers.write(out, value);
                } else {
                    out.writeNumber(value);
                }
            }
            out.writeEndArray();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
