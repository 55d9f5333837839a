package org.qiluvalley.planner.rules;

/** A land-use code of the 2023 national land and sea use classification (用地用海分类), e.g. {@code 100101}. */
public record LandUseCode(String code, String nameEn, String nameZh) {
}
