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
}
