package org.qiluvalley.planner.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import tools.jackson.databind.JsonNode;

/**
 * The public site page on the embedded store: an available site's page states its area in 亩 from the parcel's
 * EPSG:4548 area, its price and readiness, the straight-line distances and the investment office; its QR code
 * decodes to the page's own URL; its PDF link gives the letter with the site's id in its text; its Open Graph tags
 * point at a 1200 x 630 picture; any id that is not an available site, unknown or reserved, gets the same 404 page.
 */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"valley.contact.phone=+86 531 8888 0000", "valley.contact.email=invest@example.cn"})
class SitePageIT {

    private static final double M2_PER_MU = 10_000.0 / 15;

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-sites-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    ServiceClient anonymous;

    @BeforeEach
    void client() {
        anonymous = new ServiceClient("http://localhost:" + port);
    }

    private JsonNode firstAvailableSite() {
        return anonymous.get("/ogc/collections/available-sites/items?limit=1").json().get("features").get(0);
    }

    @Test
    void anAvailableSitesPageHasItsAreaInMuPriceDistancesAndContact() {
        JsonNode site = firstAvailableSite();
        String id = site.get("id").stringValue();
        ServiceClient.Reply page = anonymous.get("/sites/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.body();
        double mu = site.at("/properties/areaM2").doubleValue() / M2_PER_MU;
        assertThat(html).contains("<b id=\"site-mu\">" + String.format(Locale.ROOT, "%,.1f", mu) + " 亩</b>");
        assertThat(html).contains("直线距离").contains("Straight line");
        assertThat(html).contains("tel:+8653188880000").contains("mailto:invest@example.cn");
        assertThat(html).contains("id=\"readiness\"").contains("示意数据");
        assertThat(html).contains(String.format(Locale.ROOT, "%,.2f 万元/亩",
                site.at("/properties/pricePerMuWanYuan").doubleValue()));
        assertThat(html).contains("href=\"/#parcel=" + id + "&amp;inquire=1\"");
        assertThat(html).doesNotContain("<script").as("works without JavaScript");
    }

    @Test
    void theQrCodeDecodesToThePagesUrl() throws Exception {
        String id = firstAvailableSite().get("id").stringValue();
        String html = anonymous.get("/sites/" + id).body();
        assertThat(QrPixels.read(html)).isEqualTo("http://localhost:" + port + "/sites/" + id);
    }

    @Test
    void openGraphTagsNameTheSiteAndPointAtItsPicture() throws IOException {
        String id = firstAvailableSite().get("id").stringValue();
        String html = anonymous.get("/sites/" + id).body();
        assertThat(html).contains("<meta property=\"og:title\" content=\"" + id + " · ");
        assertThat(html).contains("<meta property=\"og:url\" content=\"http://localhost:" + port + "/sites/" + id
                + "\"/>");
        String image = "http://localhost:" + port + "/sites/" + id + "/thumbnail.png";
        assertThat(html).contains("<meta property=\"og:image\" content=\"" + image + "\"/>");
        ServiceClient.BinaryReply png = anonymous.getBytes("/sites/" + id + "/thumbnail.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(picture.getWidth()).isEqualTo(1200);
        assertThat(picture.getHeight()).isEqualTo(630);
        // The site is drawn in the park's red at the middle of the picture.
        int centre = picture.getRGB(600, 315);
        assertThat((centre >> 16) & 0xFF).as("red").isGreaterThan(150);
        assertThat(centre & 0xFF).as("blue").isLessThan(160);
    }

    @Test
    void thePdfLinkGivesTheLetterWithTheSitesId() throws IOException {
        String id = firstAvailableSite().get("id").stringValue();
        String html = anonymous.get("/sites/" + id).body();
        Matcher link = Pattern.compile("id=\"download-pdf\" href=\"([^\"]+)\"").matcher(html);
        assertThat(link.find()).isTrue();
        ServiceClient.BinaryReply pdf = anonymous.getBytes(link.group(1));
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(id);
        }
    }

    @Test
    void anUnavailableSiteIsTheSame404AsAnUnknownId() {
        String reserved = anonymous.get("/ogc/collections/parcels/items?status=unavailable&limit=1").json()
                .get("features").get(0).get("id").stringValue();
        ServiceClient.Reply unknown = anonymous.get("/sites/QOV-XX-999");
        ServiceClient.Reply unavailable = anonymous.get("/sites/" + reserved);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unavailable.status()).isEqualTo(404);
        assertThat(unavailable.contentType()).isEqualTo(unknown.contentType()).startsWith("text/html");
        assertThat(unavailable.body()).isEqualTo(unknown.body()).contains("未找到该地块").doesNotContain(reserved);
        for (String path : List.of("/sites/" + reserved + "/thumbnail.png", "/sites/QOV-XX-999/thumbnail.png")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(404);
        }
        // A planner is no different: the page is the public's.
        Planning planning = new Planning(anonymous);
        assertThat(planning.planner().get("/sites/" + reserved).status()).isEqualTo(404);
    }
}
