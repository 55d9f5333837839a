package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers in findings' messages read as the maps show them: separators, ha and 亩 beside m², percents. */
class CheckTest {

    @Test
    void aLandAreaHasSeparatorsAndItsHectaresAndMu() {
        assertThat(Check.areaEn(215_621.73)).isEqualTo("215,621.73 m² (21.56 ha, 323.4 mu)");
        assertThat(Check.areaZh(215_621.73)).isEqualTo("215,621.73 平方米（21.56 公顷，323.4 亩）");
        assertThat(Check.areaEn(5_000)).isEqualTo("5,000 m² (0.50 ha, 7.5 mu)");
    }

    @Test
    void aSmallAreaIsInSquareMetresOnly() {
        assertThat(Check.areaEn(0.62)).isEqualTo("0.62 m²");
        assertThat(Check.areaZh(12.5)).isEqualTo("12.5 平方米");
    }

    @Test
    void aFloorAreaIsNotLandSoNoHectares() {
        assertThat(Check.floorEn(6_000_000)).isEqualTo("6,000,000 m²");
        assertThat(Check.floorZh(512_345.5)).isEqualTo("512,345.5 平方米");
    }

    @Test
    void aFractionReadsAsThePercentTyped() {
        assertThat(Check.percent(0.05)).isEqualTo("5%");
        assertThat(Check.percent(0.125)).isEqualTo("12.5%");
        assertThat(Check.percent(0.07)).isEqualTo("7%");
    }

    /** The separators are put in by hand (cheaper): the text is still exactly {@code String.format}'s. */
    @Test
    void groupedNumbersAreWhatStringFormatWrites() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 0.005, 0.015, -0.004,
                999.995, 999.994, 1_000.0, -1_000.0, 123_456.785, 1e7, 1.5e15, -2.5e-9, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 49.95, 99.999));
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(12) - 3);
            values.add((random.nextBoolean() ? 1 : -1) * random.nextDouble() * magnitude);
            values.add(Math.round(random.nextDouble() * magnitude * 1000) / 1000.0 + 0.005); // halfway cases
        }
        for (double value : values) {
            for (int decimals : new int[] {1, 2}) {
                assertThat(Check.grouped(value, decimals)).as("%s to %d decimals", value, decimals)
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value));
            }
            String old = String.format(java.util.Locale.ROOT, "%,.2f", value);
            assertThat(Check.number(value)).as("%s", value).isEqualTo(old.contains(".")
                    ? old.replaceAll("0+$", "").replaceAll("\\.$", "") : old);
            old = String.format(java.util.Locale.ROOT, "%.2f", value);
            assertThat(Check.format(value)).as("%s", value).isEqualTo(old.contains(".")
                    ? old.replaceAll("0+$", "").replaceAll("\\.$", "") : old);
        }
    }
}
