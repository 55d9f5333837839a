package org.qiluvalley.planner.conditions;

import static org.qiluvalley.planner.conditions.ConditionsText.fixed;
import static org.qiluvalley.planner.conditions.ConditionsText.grouped;
import static org.qiluvalley.planner.conditions.ConditionsText.names;
import static org.qiluvalley.planner.web.MarkupText.escape;

import java.util.List;

import org.qiluvalley.planner.conditions.PlanningConditions.Adjoining;
import org.qiluvalley.planner.conditions.PlanningConditions.BoundaryPoint;
import org.qiluvalley.planner.conditions.PlanningConditions.ControlLine;
import org.qiluvalley.planner.conditions.PlanningConditions.Distance;
import org.qiluvalley.planner.conditions.PlanningConditions.Indicator;
import org.qiluvalley.planner.conditions.PlanningConditions.RoadSetback;

/**
 * The planning-conditions letter (规划条件) as one self-contained XHTML document for A4 print: inline CSS, an inline SVG
 * map, no script. The same document is the input of {@link ConditionsPdf}, so it is well-formed XML: every value from
 * the model is escaped, every element closed.
 *
 * <p>Labels are bilingual, Chinese first. Lengths are metres and areas m², ha and mu (亩, 10,000/15 m²) in EPSG:4548
 * (CGCS2000 / 3-degree Gauss-Kruger CM 117E), as computed by whoever built the {@link PlanningConditions}: this class
 * only formats them.
 */
public final class ConditionsHtml {

    /** The CRS of the boundary points as the letter states it. */
    static final String CRS_TEXT = "CGCS2000 / 3-degree Gauss-Kruger CM 117E (EPSG:4548)";

    /**
     * How the document is shown.
     *
     * @param printButton true to show a "打印 Print" button (hidden when printing; wired by the module
     *        {@code /js/conditions/print.js}, the page's only script, and it is left out of the PDF's input)
     * @param pdfUrl the URL of the same letter as PDF, linked from the page (hidden when printing); {@code null} for
     *        none
     * @param faviconUrl the URL of the service's icon (e.g. {@code /favicon.svg}), {@code null} for none; the letter
     *        needs no other asset
     */
    public record Options(boolean printButton, String pdfUrl, String faviconUrl) {

        /** For the PDF renderer: nothing on screen only. */
        public static final Options PRINT = new Options(false, null, null);
    }

    private static final String STYLE = """
            @page { size: A4; margin: 15mm; }
            html { font-family: "Liberation Sans", "Droid Sans Fallback", sans-serif; font-size: 10pt; color: #000; }
            body { margin: 0; }
            h1 { font-size: 18pt; text-align: center; margin: 0 0 2mm 0; }
            h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm 0; border-bottom: 0.5pt solid #000;
                 page-break-after: avoid; }
            table { border-collapse: collapse; width: 100%; page-break-inside: avoid; margin: 0 0 1mm 0; }
            th, td { border: 0.5pt solid #555; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
            th { background: #eeeeee; font-weight: bold; }
            td.num, th.num { text-align: right; }
            table.facts th { width: 32%; }
            .en { color: #333; }
            .note { font-size: 8.5pt; color: #333; margin: 1mm 0; }
            .draft { border: 1.5pt solid #c00000; color: #c00000; padding: 2mm 3mm; margin: 2mm 0 3mm 0;
                     font-weight: bold; text-align: center; page-break-inside: avoid; }
            .draft-mark { position: fixed; top: 95mm; left: 0; width: 180mm; text-align: center; font-size: 72pt;
                          color: #f6d6d6; z-index: -1; }
            .screen { margin: 0 0 4mm 0; }
            .screen button, .screen a { font-size: 11pt; margin-right: 4mm; }
            .map-box { page-break-inside: avoid; margin: 1mm 0; }
            svg.map { display: block; width: 180mm; height: 120mm; }
            @media screen { body { max-width: 190mm; margin: 8mm auto; }
                            svg.map { width: 100%; height: auto; } }
            @media print { .screen { display: none; } }
            """;

    private final StringBuilder out = new StringBuilder(32_768);

    private ConditionsHtml() {
    }

    /** The letter for {@code conditions}, shown as {@code options} says. */
    public static String render(PlanningConditions conditions, Options options) {
        return new ConditionsHtml().document(conditions, options);
    }

    private String document(PlanningConditions c, Options o) {
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>规划条件 Planning conditions ").append(escape(c.parcelId()))
                .append("</title>\n");
        if (o.faviconUrl() != null) {
            out.append("<link rel=\"icon\" href=\"").append(escape(o.faviconUrl()))
                    .append("\" type=\"image/svg+xml\"/>\n");
        }
        out.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        screenControls(o);
        heading(c);
        sections(c);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** What the letter states after its heading: area, indicators, setbacks, neighbours... and the map. */
    private void sections(PlanningConditions c) {
        area(c);
        indicators(c.indicators());
        roadSetbacks(c.roadSetbacks());
        adjoining(c.adjoining());
        controlLines(c.controlLines());
        distances(c.distances());
        leaseAndPledges(c);
        boundaryPoints(c.boundaryPoints());
        map(c);
    }

    /**
     * The letter's sections (area to map) as an HTML fragment, for a page that shows them in its own frame (the
     * public site page); style them with {@link #style()}.
     */
    public static String sectionsHtml(PlanningConditions conditions) {
        ConditionsHtml html = new ConditionsHtml();
        html.sections(conditions);
        return html.out.toString();
    }

    /** The letter's CSS (A4 print, and on screen). */
    public static String style() {
        return STYLE;
    }

    private void screenControls(Options o) {
        if (!o.printButton() && o.pdfUrl() == null) {
            return;
        }
        out.append("<div class=\"screen\">");
        if (o.printButton()) {
            // The page's Content-Security-Policy allows scripts from the service only: the button is wired by
            // web/js/conditions/print.js, not by an inline handler.
            out.append("<button type=\"button\" id=\"print-letter\">打印 Print</button>");
            out.append("<script type=\"module\" src=\"/js/conditions/print.js\"></script>");
        }
        if (o.pdfUrl() != null) {
            out.append("<a href=\"").append(escape(o.pdfUrl())).append("\">下载 PDF Download PDF</a>");
        }
        out.append("</div>\n");
    }

    private void heading(PlanningConditions c) {
        if (c.draft()) {
            out.append("<div class=\"draft-mark\">草稿 DRAFT</div>\n<div class=\"draft\">草稿：该宗地目前不可出让，本文件不是可签发的规划条件")
                    .append("<br/>DRAFT: the parcel is not available, so this is not an issuable letter");
            if (c.status() != null) {
                out.append("<br/>宗地状态 Parcel status: ").append(escape(c.status()));
            }
            out.append("</div>\n");
        }
        out.append("<h1>规划条件 <span class=\"en\">Planning conditions</span></h1>\n<table class=\"facts\">");
        fact("宗地编号", "Parcel id", c.parcelId());
        if (c.zone() != null) {
            fact("所在分区", "Zone", names(c.zone().nameZh(), c.zone().nameEn()) + " (" + c.zone().id() + ")");
        }
        if (c.landUse() != null) {
            fact("用地性质", "Land use",
                    c.landUse().code() + " " + names(c.landUse().nameZh(), c.landUse().nameEn()));
        }
        if (!c.draft() && c.status() != null) {
            fact("宗地状态", "Status", c.status());
        }
        fact("生成日期", "Generated", ConditionsText.date(c.generatedAt()));
        out.append("</table>\n<p class=\"note\">生成时间 Generated at ").append(ConditionsText.dateTime(c.generatedAt()))
                .append("</p>\n");
    }

    private void fact(String zh, String en, String value) {
        out.append("<tr><th>").append(zh).append(" <span class=\"en\">").append(en).append("</span></th><td>")
                .append(escape(value)).append("</td></tr>");
    }

    private void area(PlanningConditions c) {
        section("用地面积", "Site area");
        out.append("<table><tr><th class=\"num\">平方米 m²</th><th class=\"num\">公顷 ha</th>")
                .append("<th class=\"num\">亩 mu</th></tr><tr><td class=\"num\">").append(grouped(c.areaM2(), 2))
                .append("</td><td class=\"num\">").append(fixed(c.areaHa(), 4)).append("</td><td class=\"num\">")
                .append(grouped(c.areaMu(), 2)).append(" 亩</td></tr></table>\n<p class=\"note\">")
                .append("平面面积，").append(CRS_TEXT).append("；1 亩 = 10,000/15 m². Planar area in ").append(CRS_TEXT)
                .append(".</p>\n");
    }

    private void indicators(List<Indicator> indicators) {
        section("规划控制指标", "Planning indicators");
        out.append("<table><tr>").append(header("指标", "Indicator")).append(header("控制值", "Value"))
                .append(header("依据", "Source")).append("</tr>");
        for (Indicator indicator : indicators) {
            row(names(indicator.nameZh(), indicator.nameEn()), ConditionsText.range(indicator), indicator.source());
        }
        out.append("</table>\n");
    }

    private void roadSetbacks(List<RoadSetback> setbacks) {
        section("道路退让", "Road setbacks");
        if (setbacks.isEmpty()) {
            none();
            return;
        }
        out.append("<table><tr>").append(header("道路", "Road")).append(header("等级", "Class"))
                .append(header("红线宽度", "Red-line width")).append(header("方位", "Side"))
                .append(header("距红线", "Distance")).append(header("建筑退让", "Setback")).append(header("依据", "Source"))
                .append("</tr>");
        for (RoadSetback road : setbacks) {
            row(names(road.nameZh(), road.nameEn()), ConditionsText.roadClass(road.roadClass()),
                    fixed(road.redLineWidthMetres(), 1) + " m", ConditionsText.side(road.side()),
                    fixed(road.distanceMetres(), 2) + " m", fixed(road.setbackMetres(), 1) + " m", road.source());
        }
        out.append("</table>\n");
    }

    private void adjoining(List<Adjoining> adjoining) {
        section("四至", "Adjoining");
        out.append("<table><tr>").append(header("方位", "Side")).append(header("类型", "Kind"))
                .append(header("相邻要素", "Feature")).append("</tr>");
        for (Adjoining side : adjoining) {
            String name = names(side.nameZh(), side.nameEn());
            String feature = side.id() == null ? name : name.isEmpty() ? side.id() : side.id() + " " + name;
            row(ConditionsText.side(side.side()), ConditionsText.adjoiningKind(side.kind()),
                    feature.isEmpty() ? "—" : feature);
        }
        out.append("</table>\n");
    }

    private void controlLines(List<ControlLine> lines) {
        section("200 米范围内的控制线", "Control lines within 200 m");
        if (lines.isEmpty()) {
            none();
            return;
        }
        out.append("<table><tr>").append(header("控制线", "Control line")).append(header("类型", "Kind"))
                .append(header("距离", "Distance")).append("</tr>");
        for (ControlLine line : lines) {
            String name = names(line.nameZh(), line.nameEn());
            row(name.isEmpty() ? line.id() : line.id() + " " + name, ConditionsText.controlLineKind(line.kind()),
                    switch (line.relation()) {
                        case "inside" -> "地块位于其内 parcel inside";
                        case "overlaps" -> "0 m（与地块重叠 overlaps the parcel）";
                        default -> fixed(line.distanceMetres(), 1) + " m";
                    });
        }
        out.append("</table>\n");
    }

    /** 直线距离: kilometres to two decimals, labelled straight line (not a route by road). */
    private void distances(List<Distance> distances) {
        section("直线距离", "Distances (straight line)");
        if (distances.isEmpty()) {
            none();
            return;
        }
        out.append("<table class=\"distances\"><tr>").append(header("地点", "Place"))
                .append("<th class=\"num\">直线距离 <span class=\"en\">Straight line</span></th></tr>");
        for (Distance distance : distances) {
            out.append("<tr><td>").append(escape(names(distance.nameZh(), distance.nameEn())))
                    .append("</td><td class=\"num\">").append(grouped(distance.km(), 2)).append(" km</td></tr>");
        }
        out.append("</table>\n<p class=\"note\">自宗地边界上距各地点最近的一点量至该地点的直线距离（非道路里程），")
                .append(CRS_TEXT).append("；地点为概略位置，部分为示意位置。")
                .append(" Straight-line distance (not by road) from the point of the parcel's boundary nearest each")
                .append(" place, in ").append(CRS_TEXT).append("; positions are approximate, some illustrative.</p>\n");
    }

    private void leaseAndPledges(PlanningConditions c) {
        section("出让年限", "Lease term");
        if (c.leaseTerm() == null) {
            none();
        } else {
            out.append("<table><tr>").append(header("最高年限", "Maximum term")).append(header("用途类别", "Category"))
                    .append(header("依据", "Source")).append("</tr>");
            row(c.leaseTerm().maxYears() + " 年 years", names(c.leaseTerm().categoryZh(), c.leaseTerm().categoryEn()),
                    c.leaseTerm().source());
            out.append("</table>\n");
        }
        section("标准地承诺指标", "Standard-land pledges");
        if (c.pledges() == null) {
            none();
            return;
        }
        out.append("<table><tr>").append(header("固定资产投资强度", "Investment")).append(header("亩均税收", "Tax"))
                .append(header("依据", "Source")).append("</tr>");
        row("至少 at least " + fixed(c.pledges().investmentWanYuanPerMuMin(), 1) + " 万元/亩",
                "至少 at least " + fixed(c.pledges().taxWanYuanPerMuMin(), 1) + " 万元/亩", c.pledges().source());
        out.append("</table>\n<p class=\"note\">万元/亩: 10,000 yuan per mu.</p>\n");
    }

    private void boundaryPoints(List<BoundaryPoint> points) {
        section("界址点坐标表", "Boundary points");
        out.append("<p class=\"note\">坐标系 CRS: ").append(CRS_TEXT).append("；X 为纵坐标（北），Y 为横坐标（东），单位米。")
                .append(" X is the northing, Y the easting, metres.</p>\n<table><tr>").append(header("点号", "Point"))
                .append("<th class=\"num\">X (m)</th><th class=\"num\">Y (m)</th></tr>");
        for (BoundaryPoint point : points) {
            boundaryPoint(point);
        }
        if (!points.isEmpty()) {
            boundaryPoint(points.get(0));
        }
        out.append("</table>\n");
    }

    private void boundaryPoint(BoundaryPoint point) {
        out.append("<tr><td>").append(escape(point.name())).append("</td><td class=\"num\">")
                .append(fixed(point.northing(), 2)).append("</td><td class=\"num\">").append(fixed(point.easting(), 2))
                .append("</td></tr>");
    }

    private void map(PlanningConditions c) {
        out.append("<div class=\"map-box\">");
        section("宗地图", "Parcel map");
        out.append(ConditionsMapSvg.render(c.map(), c.boundaryPoints())).append("\n<p class=\"note\">")
                .append("粗红线为宗地界线，灰色为道路红线范围，细线为相邻地块；").append(CRS_TEXT).append("，上方为坐标北。")
                .append(" Bold red: the parcel; grey: road reserves; thin: neighbouring parcels; grid north up.")
                .append("</p></div>\n");
    }

    private void section(String zh, String en) {
        out.append("<h2>").append(zh).append(" <span class=\"en\">").append(en).append("</span></h2>\n");
    }

    private static String header(String zh, String en) {
        return "<th>" + zh + " <span class=\"en\">" + en + "</span></th>";
    }

    private void row(String... cells) {
        out.append("<tr>");
        for (String cell : cells) {
            out.append("<td>").append(escape(cell)).append("</td>");
        }
        out.append("</tr>");
    }

    private void none() {
        out.append("<p>无 <span class=\"en\">none</span></p>\n");
    }
}
