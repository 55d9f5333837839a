package org.qiluvalley.planner.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One contact, one allowance, however it is written. */
class ContactKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "0086 13800138000",
            "(+86) 138.0013.8000", " 13800138000 "})
    void aMobileNumberIsItsDigits(String written) {
        assertThat(ContactKey.of(written)).isEqualTo("tel:13800138000");
    }

    @Test
    void aLandlineKeepsItsAreaCode() {
        assertThat(ContactKey.of("0531-8888 6666")).isEqualTo("tel:053188886666");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zhang.Wei@Example.CN", " zhang.wei@example.cn", "ZHANG.WEI@EXAMPLE.CN "})
    void anEmailAddressIgnoresCaseAndSpaces(String written) {
        assertThat(ContactKey.of(written)).isEqualTo("zhang.wei@example.cn");
    }

    @Test
    void differentContactsStayDifferent() {
        assertThat(ContactKey.of("13800138000")).isNotEqualTo(ContactKey.of("13800138001"));
        assertThat(ContactKey.of("Wang Fang, 13800138000")).isEqualTo("wangfang,13800138000");
    }
}
