package org.qiluvalley.planner.sites;

import static org.qiluvalley.planner.web.MarkupText.escape;

import java.util.Locale;

import org.qiluvalley.planner.conditions.ConditionsHtml;
import org.qiluvalley.planner.conditions.PlanningConditions;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.Readiness;

/**
 * The public page of an available site ({@code /sites/{id}}), server-rendered and complete without JavaScript: its
 * size in 亩 and ha, price and readiness, the public planning conditions of the letter (with its map and the
 * straight-line distances), a QR code of the page's own URL, links to the PDF, the map and "Express interest", the
 * investment office's contact, and Open Graph tags so that a link shared in a chat app previews with the site's name,
 * size and a picture. Every text from data is escaped ({@link org.qiluvalley.planner.web.MarkupText}).
 */
final class SitePage {

    private static final String STYLE = """
            .site-top { display: grid; grid-template-columns: 1fr auto; gap: 4mm 6mm; align-items: start; }
            .site-top h1 { text-align: left; }
            .brand { font-size: 10pt; color: #c2273b; font-weight: bold; margin: 0 0 1mm 0; }
            .key { display: flex; flex-wrap: wrap; gap: 3mm 8mm; margin: 2mm 0; }
            .key div { min-width: 28mm; }
            .key b { display: block; font-size: 15pt; }
            .actions { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0; }
            .actions a { display: inline-flex; align-items: center; padding: 0 4mm; min-height: 11mm; border: 0.5pt solid #1c6fd1;
                         border-radius: 2mm; color: #1c6fd1; text-decoration: none; font-weight: bold; }
            .actions a.primary { background: #c2273b; border-color: #c2273b; color: #fff; }
            .qr-box { text-align: center; font-size: 8.5pt; color: #333; }
            .qr-box svg { display: block; margin: 0 auto 1mm auto; }
            .ready { color: #1d6b3f; font-weight: bold; }
            .not-ready { color: #a6391a; font-weight: bold; }
            .illustrative { font-size: 8.5pt; color: #7a4b00; background: #fff4df; padding: 1mm 2mm; }
            .wide { overflow-x: auto; }
            @media screen and (max-width: 640px) {
              body { margin: 4mm; }
              .site-top { grid-template-columns: 1fr; }
            }
            """;

    private final StringBuilder out = new StringBuilder(64 * 1024);

    private SitePage() {
    }

    /**
     * The page of {@code parcel} (available) and its public {@code letter}, at {@code pageUrl} (absolute), with its
     * picture at {@code imageUrl} (absolute).
     */
    static String render(Parcel parcel, PlanningConditions letter, ValleyProperties.Contact contact, String pageUrl,
            String imageUrl) {
        return new SitePage().document(parcel, letter, contact, pageUrl, imageUrl);
    }

    /** "QOV-LI-021 · 23.5 亩 (1.57 ha)": the site's name and size, for titles and previews. */
    static String title(PlanningConditions letter) {
        return letter.parcelId() + " · " + mu(letter.areaM2()) + " 亩 (" + ha(letter.areaM2()) + " ha)";
    }

    private String document(Parcel parcel, PlanningConditions c, ValleyProperties.Contact contact, String pageUrl,
            String imageUrl) {
        String title = title(c);
        String use = c.landUse() == null ? "" : c.landUse().nameEn() + " " + c.landUse().nameZh();
        String zone = c.zone() == null ? "" : c.zone().nameEn() + " " + c.zone().nameZh();
        Double perMu = parcel.pricePerMuWanYuan();
        String description = use + " · " + zone + (perMu == null ? ""
                : String.format(Locale.ROOT, " · %,.2f 万元/亩", perMu)) + " · Qilu Optics Valley, Jinan 济南齐鲁光谷";
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(title)).append(" | 齐鲁光谷 Qilu Optics Valley</title>\n")
                .append("<meta name=\"description\" content=\"").append(escape(description)).append("\"/>\n")
                .append("<link rel=\"canonical\" href=\"").append(escape(pageUrl)).append("\"/>\n")
                .append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"/>\n");
        meta("og:type", "website");
        meta("og:site_name", "齐鲁光谷 Qilu Optics Valley");
        meta("og:title", title + " · " + (c.landUse() == null ? "" : c.landUse().nameZh()));
        meta("og:description", description);
        meta("og:url", pageUrl);
        meta("og:image", imageUrl);
        meta("og:image:width", Integer.toString(SiteThumbnail.WIDTH));
        meta("og:image:height", Integer.toString(SiteThumbnail.HEIGHT));
        meta("og:image:alt", "Map of site " + c.parcelId() + " 地块位置图");
        out.append("<meta name=\"twitter:card\" content=\"summary_large_image\"/>\n")
                .append("<style>\n").append(ConditionsHtml.style()).append(STYLE).append("</style>\n</head>\n<body>\n");
        top(c, parcel, title, use, zone, pageUrl);
        offer(parcel);
        contact(contact);
        out.append("<div class=\"wide\">").append(ConditionsHtml.sectionsHtml(c)).append("</div>\n");
        out.append("<p class=\"note\">本页依据园区规划数据生成，地块边界与指标为示意数据。 Generated from the park's planning data; the "
                + "geometry and the illustrative numbers are not surveyed (see the planning-conditions letter).</p>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }

    private void meta(String property, String content) {
        out.append("<meta property=\"").append(property).append("\" content=\"").append(escape(content))
                .append("\"/>\n");
    }

    private void top(PlanningConditions c, Parcel parcel, String title, String use, String zone, String pageUrl) {
        String id = c.parcelId();
        String encoded = SitePageController.encode(id);
        out.append("<div class=\"site-top\"><div>\n<p class=\"brand\">齐鲁光谷 Qilu Optics Valley · 可供地块 Available site</p>\n")
                .append("<h1 id=\"site-title\">").append(escape(id)).append(" <span class=\"en\">")
                .append(escape(use)).append("</span></h1>\n<p>").append(escape(zone)).append("</p>\n")
                .append("<div class=\"key\"><div>面积 <span class=\"en\">Area</span><b id=\"site-mu\">")
                .append(mu(c.areaM2())).append(" 亩</b>").append(ha(c.areaM2())).append(" ha · ")
                .append(String.format(Locale.ROOT, "%,.0f", c.areaM2())).append(" m²</div>");
        Double perMu = parcel.pricePerMuWanYuan();
        if (perMu != null) {
            out.append("<div>起始价 <span class=\"en\">Reserve price</span><b id=\"site-price-per-mu\">")
                    .append(String.format(Locale.ROOT, "%,.2f", perMu)).append(" 万元/亩</b>")
                    .append(String.format(Locale.ROOT, "%,.2f", parcel.offer().reservePriceWanYuan()))
                    .append(" 万元 in total 总价</div>");
        }
        Boolean ready = parcel.fullyReady();
        if (ready != null) {
            out.append("<div>七通一平 <span class=\"en\">Readiness</span><b class=\"").append(ready ? "ready" : "not-ready")
                    .append("\">").append(ready ? "全部就绪 Ready" : "部分就绪 Partly ready").append("</b></div>");
        }
        out.append("</div>\n<div class=\"actions\">")
                .append("<a class=\"primary\" id=\"express-interest\" href=\"/#parcel=").append(escape(encoded))
                .append("&amp;inquire=1\">意向咨询 Express interest</a>")
                .append("<a id=\"download-pdf\" href=\"/api/parcels/").append(escape(encoded))
                .append("/conditions?f=pdf\">下载 PDF Download PDF</a>")
                .append("<a href=\"/api/parcels/").append(escape(encoded))
                .append("/conditions?f=html\">打印规划条件 Print conditions</a>")
                .append("<a href=\"/#parcel=").append(escape(encoded)).append("\">在地图上查看 On the map</a>")
                .append("</div></div>\n<div class=\"qr-box\">")
                .append(QrSvg.svg(pageUrl, 148, "QR code of this page 本页二维码: " + pageUrl))
                .append("扫码查看本页<br/>Scan to open this page</div></div>\n");
    }

    private void offer(Parcel parcel) {
        Offer offer = parcel.offer();
        if (offer == null) {
            return;
        }
        out.append("<h2>价格与配套 <span class=\"en\">Price and readiness</span></h2>\n<table>");
        if (offer.reservePriceWanYuan() != null) {
            row("起始价", "Reserve price", String.format(Locale.ROOT, "%,.2f 万元 (%,.2f 万元/亩)",
                    offer.reservePriceWanYuan(), parcel.pricePerMuWanYuan()));
        }
        if (offer.depositWanYuan() != null) {
            row("竞买保证金", "Deposit", String.format(Locale.ROOT, "%,.2f 万元", offer.depositWanYuan()));
        }
        out.append("</table>\n");
        Readiness readiness = offer.readiness();
        if (readiness != null) {
            out.append("<table id=\"readiness\"><tr><th>配套 <span class=\"en\">Utility</span></th><th>状态 "
                    + "<span class=\"en\">Status</span></th><th>容量 <span class=\"en\">Capacity</span></th></tr>");
            for (Readiness.Item item : Readiness.ITEMS) {
                Readiness.Status status = readiness.of(item);
                boolean ready = status != null && status.ready();
                out.append("<tr><td>").append(escape(item.nameZh())).append(" <span class=\"en\">")
                        .append(escape(item.nameEn())).append("</span></td><td class=\"")
                        .append(ready ? "ready\">已具备 Ready" : "not-ready\">未具备 Not yet").append("</td><td>")
                        .append(escape(status == null || status.capacity() == null ? "" : status.capacity()))
                        .append("</td></tr>");
            }
            out.append("</table>\n");
        }
        out.append("<p class=\"illustrative\">示意数据：价格与配套为演示用的示意值，并非园区公布的价格。 Illustrative: these prices and "
                + "readiness are placeholders for demonstration, not the park's published figures.</p>\n");
    }

    private void contact(ValleyProperties.Contact contact) {
        out.append("<h2>联系方式 <span class=\"en\">Contact</span></h2>\n<table id=\"contact\">");
        row("招商机构", "Office", contact.nameZh() + " " + contact.nameEn());
        if (!contact.phone().isEmpty()) {
            out.append("<tr><th>电话 <span class=\"en\">Phone</span></th><td><a href=\"tel:")
                    .append(escape(contact.phone().replaceAll("[^0-9+]", ""))).append("\">")
                    .append(escape(contact.phone())).append("</a></td></tr>");
        }
        if (!contact.email().isEmpty()) {
            out.append("<tr><th>邮箱 <span class=\"en\">Email</span></th><td><a href=\"mailto:")
                    .append(escape(contact.email())).append("\">").append(escape(contact.email()))
                    .append("</a></td></tr>");
        }
        if (!contact.address().isEmpty()) {
            row("地址", "Address", contact.address());
        }
        out.append("</table>\n");
    }

    private void row(String zh, String en, String value) {
        out.append("<tr><th>").append(zh).append(" <span class=\"en\">").append(en).append("</span></th><td>")
                .append(escape(value)).append("</td></tr>");
    }

    private static String mu(double squareMetres) {
        return String.format(Locale.ROOT, "%,.1f", squareMetres / Crs.SQUARE_METRES_PER_MU);
    }

    private static String ha(double squareMetres) {
        return String.format(Locale.ROOT, "%,.2f", squareMetres / Crs.SQUARE_METRES_PER_HECTARE);
    }
}
