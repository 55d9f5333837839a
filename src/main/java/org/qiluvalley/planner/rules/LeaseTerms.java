package org.qiluvalley.planner.rules;

/**
 * The longest term of a granted land-use right by use: art. 12 of the Provisional Regulations on the Grant and
 * Transfer of State-owned Land Use Rights in Urban Areas (《中华人民共和国城镇国有土地使用权出让和转让暂行条例》,
 * State Council, 1990): residential 70 years; industrial 50; education, science, culture, health and sport 50;
 * commerce, tourism and entertainment 40; comprehensive or other 50. The category of a land-use code of the 2023
 * national classification is read from its first two digits (07 residential, 08 public administration and services,
 * 09 commercial services, 10 industrial and mining); everything else is "comprehensive or other".
 *
 * <p>One table for the planning-conditions letter and the {@code allocation.term} rule ({@link TermRule}).
 */
public final class LeaseTerms {

    /**
     * The authority. The text of art. 12 was read (see {@code gis-data/README.md}); the decree number is the one
     * commonly cited and was not confirmed from a page read for this project, and says so.
     */
    public static final String SOURCE = "《中华人民共和国城镇国有土地使用权出让和转让暂行条例》(国务院令第55号, 1990) "
            + "第十二条 (Provisional Regulations on the Grant and Transfer of State-owned Land Use Rights in Urban Areas, "
            + "State Council Decree No. 55, art. 12)";

    /** The largest maximum of any category (residential): no term beyond it is a term at all. */
    public static final int LONGEST_YEARS = 70;

    /**
     * The maximum term of one category of use.
     *
     * @param maxYears the longest term that may be granted, years
     */
    public record Term(int maxYears, String categoryEn, String categoryZh) {
    }

    private LeaseTerms() {
    }

    /** The maximum term for a land-use code of the 2023 national classification. */
    public static Term forLandUse(String code) {
        String group = code.length() >= 2 ? code.substring(0, 2) : code;
        return switch (group) {
            case "07" -> new Term(70, "residential", "居住用地");
            case "10" -> new Term(50, "industrial", "工业用地");
            case "08" -> new Term(50, "education, science, culture, health and sport", "教育、科技、文化、卫生、体育用地");
            case "09" -> new Term(40, "commerce, tourism and entertainment", "商业、旅游、娱乐用地");
            default -> new Term(50, "comprehensive or other", "综合或者其他用地");
        };
    }
}
