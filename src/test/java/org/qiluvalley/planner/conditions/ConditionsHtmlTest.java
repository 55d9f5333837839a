package org.qiluvalley.planner.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.conditions.PlanningConditions.BoundaryPoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The letter's XHTML: well-formed (it is the PDF renderer's input), complete, and escaping what it is given. */
class ConditionsHtmlTest {

    private static final String HOSTILE = "<script>alert(1)</script> & co";

    private static String html(boolean draft) {
        return ConditionsHtml.render(LetterFixture.letter(draft, "Laser Park Zone B"),
                new ConditionsHtml.Options(true, "/api/parcels/QL-B-12/conditions.pdf", "/favicon.svg"));
    }

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDocumentIsWellFormedXhtml() throws Exception {
        String html = html(true);
        Document document = parse(html);

        Element root = document.getDocumentElement();
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
        assertThat(root.getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(1);
    }

    @Test
    void itStatesTheParcelItsAreaAndEveryBoundaryPointClosingTheRingWithJ1() {
        String html = html(false);

        assertThat(html).contains("规划条件", "Planning conditions", LetterFixture.PARCEL_ID, "激光产业园B区",
                "M1 一类工业用地 Class I industrial", "2025-03-14", "40,080.00", "4.0080", "60.12 亩",
                "CGCS2000 / 3-degree Gauss-Kruger CM 117E (EPSG:4548)");
        for (BoundaryPoint point : LetterFixture.POINTS) {
            assertThat(html).contains("<tr><td>" + point.name() + "</td><td class=\"num\">"
                    + String.format(Locale.ROOT, "%.2f</td><td class=\"num\">%.2f</td></tr>",
                            point.northing(), point.easting()));
        }
        assertThat(html).contains("4060200.65", "520000.00", "4060000.00", "520190.00");
        assertThat(count(html, "<tr><td>J1</td>")).as("J1 opens and closes the table").isEqualTo(2);
    }

    @Test
    void itStatesTheConditionsInTheirUnits() {
        String html = html(false);

        assertThat(html).contains("1.00 – 2.50", "30% – 60%", "至多 at most 15%", "至多 at most 24.0 m",
                "至少 at least 5.0 m", "光谷三路 Guanggu 3rd Road", "次干路 secondary", "30.0 m", "南 South",
                "北 North", "东 East", "西 West", "QL-A-07 激光制造 Laser Works", "高压走廊 high-voltage corridor",
                "120.5 m", "50 年 years", "工业用地 industrial", "至少 at least 300.0 万元/亩", "至少 at least 25.0 万元/亩");
        assertThat(html).as("the source's & and < are escaped")
                .contains("GB 50180-2018 &amp; Jinan rules &lt;2019&gt;");
    }

    @Test
    void itListsTheStraightLineDistanceToEachPlaceInKilometres() {
        String html = html(false);
        assertThat(html).contains("直线距离 <span class=\"en\">Distances (straight line)</span>",
                "<tr><td>济南遥墙国际机场 Jinan Yaoqiang International Airport</td><td class=\"num\">12.35 km</td></tr>",
                "<tr><td>园区服务中心 Park service centre</td><td class=\"num\">0.40 km</td></tr>",
                "not by road");
    }

    @Test
    void theDraftBannerIsThereOnlyForADraft() {
        assertThat(html(true)).contains("草稿", "DRAFT", "not an issuable letter", "reserved");
        assertThat(html(false)).doesNotContain("草稿", "DRAFT");
    }

    @Test
    void aHostileNameIsTextNeverMarkup() throws Exception {
        String html = ConditionsHtml.render(LetterFixture.letter(false, HOSTILE), ConditionsHtml.Options.PRINT);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co").doesNotContain("<script");
        Document document = parse(html);
        assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(document.getDocumentElement().getTextContent()).contains(HOSTILE);
    }

    @Test
    void theScreenControlsAreOptional() {
        assertThat(html(false)).contains("print-letter", "/js/conditions/print.js", "/api/parcels/QL-B-12/conditions.pdf", "@media print");
        assertThat(ConditionsHtml.render(LetterFixture.letter(false, "Zone B"), ConditionsHtml.Options.PRINT))
                .doesNotContain("<button", "Download PDF", "favicon");
    }

    @Test
    void theMapLabelsEveryBoundaryPointAndHasAScaleBarOfARoundLength() {
        String html = html(false);
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));

        for (BoundaryPoint point : LetterFixture.POINTS) {
            assertThat(svg).contains(">" + point.name() + "</text>");
        }
        assertThat(svg).contains(">QL-A-07</text>", ">光谷三路 Guanggu 3rd Road</text>", ">N 北</text>", ">100 m</text>");
        assertThat(svg).doesNotContainPattern("\\d\\.\\d\\d");
    }

    @Test
    void theScaleBarIsAQuarterToAThirdOfTheFrameWhenTheSeriesAllows() {
        assertThat(ConditionsMapSvg.scaleBarMetres(350)).isEqualTo(100);
        assertThat(ConditionsMapSvg.scaleBarMetres(80)).isEqualTo(20);
        assertThat(ConditionsMapSvg.scaleBarMetres(700)).isEqualTo(200);
        assertThat(ConditionsMapSvg.scaleBarMetres(1800)).isEqualTo(500);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
