package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The investor map on a 390 x 844 phone and on a 1400 x 900 screen, as a new investor opens it: the first view
 * shows the park with its available sites drawn and listed (not a density grid), the list is a bottom sheet that
 * pulls up and lets down, a site's popup (from the list or from a shared link) fits the screen, and the controls are
 * big enough to touch.
 *
 * <p>With the environment variable {@code PHONE_SCREENSHOTS} set to a directory, the test saves
 * {@code screenshot-phone.png} and {@code screenshot-desktop.png} there (docs/).
 */
class PhoneMapIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @AfterEach
    void wideAgain() {
        driver.manage().window().setSize(new Dimension(1400, 900));
    }

    private void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** The size of the page's viewport (the window less the browser's own frame). */
    private Dimension viewport() {
        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) js("return [window.innerWidth, window.innerHeight]");
        return new Dimension(size.get(0).intValue(), size.get(1).intValue());
    }

    private static boolean inside(Rectangle r, Dimension viewport) {
        return r.getX() >= 0 && r.getY() >= 0 && r.getX() + r.getWidth() <= viewport.getWidth()
                && r.getY() + r.getHeight() <= viewport.getHeight();
    }

    @Test
    void onAPhoneTheFirstViewListsTheSitesAndAPopupFits() throws IOException {
        phone();
        openMap("");
        Dimension viewport = viewport();
        assertTrue(viewport.getWidth() <= 390, "a phone-wide viewport: " + viewport);
        assertEquals("parcels", page("return hooks.investorMap.mode()"),
                "the park's few hundred parcels are drawn at the zoom that shows the whole park");
        List<WebElement> rows = driver.findElements(By.cssSelector("#site-list .site-row"));
        assertTrue(rows.size() > 10, "the available sites are listed: " + rows.size());
        WebElement first = rows.get(0);
        saveScreenshotIfAsked("screenshot-phone-first.png");
        Rectangle r = first.getRect();
        assertTrue(first.isDisplayed() && inside(r, viewport), "the first site's row is on screen in the first view: "
                + r.getX() + "," + r.getY() + " " + r.getWidth() + "x" + r.getHeight() + " in " + viewport);
        assertTrue(driver.findElement(By.id("filter-zone")).isEnabled(), "the filters work");
        assertEquals("peek", driver.findElement(By.cssSelector(".app")).getDomAttribute("data-sheet"));
        for (String css : List.of("#sheet-handle", "#filter-zone", "#find-site-id", "#tab-check", ".legend-toggle")) {
            WebElement target = driver.findElement(By.cssSelector(css));
            assertTrue(target.getSize().getHeight() >= 40, css + " is at least 40 px tall: " + target.getSize());
        }

        // The sheet pulls up over the map and lets down.
        driver.findElement(By.id("sheet-handle")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> "full".equals(d.findElement(By.cssSelector(".app"))
                .getDomAttribute("data-sheet")));
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.cssSelector(".sidebar")).getSize().getHeight()
                > viewport.getHeight() * 0.8);
        saveScreenshotIfAsked("screenshot-phone-list.png");

        // A site chosen in the list: the sheet lets down and the popup fits on screen.
        String id = rows.get(Math.min(3, rows.size() - 1)).getDomAttribute("data-parcel-id");
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#site-list .site-row[data-parcel-id='" + id + "']")).click();
            return true;
        });
        new WebDriverWait(driver, TIMEOUT).until(d -> "peek".equals(d.findElement(By.cssSelector(".app"))
                .getDomAttribute("data-sheet")));
        assertPopupFits(id, viewport);
        saveScreenshotIfAsked("screenshot-phone.png");

        // A shared link opens on the site with its popup on screen, id and "Express interest" included.
        openMap("parcel=" + id);
        assertPopupFits(id, viewport());
        WebElement popup = driver.findElement(By.cssSelector(".leaflet-popup .site-popup"));
        assertTrue(popup.getText().contains(id), popup.getText());
    }

    private void assertPopupFits(String id, Dimension viewport) {
        WebElement popup = new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".leaflet-popup .site-popup[data-parcel-id='" + id + "']")));
        page("await hooks.investorMap.idle();");
        // Let a fly-to settle, then measure the whole popup (its frame, not only its content).
        new WebDriverWait(driver, TIMEOUT).until(d -> inside(d.findElement(By.cssSelector(".leaflet-popup"))
                .getRect(), viewport));
        WebElement content = driver.findElement(By.cssSelector(".leaflet-popup-content"));
        assertTrue(content.getSize().getWidth() <= viewport.getWidth() - 40, "fits the width: " + content.getSize());
        assertTrue(popup.isDisplayed());
    }

    @Test
    void onAWideScreenTheSitesAreBesideTheMap() throws IOException {
        openMap("");
        assertEquals("parcels", page("return hooks.investorMap.mode()"));
        WebElement sidebar = driver.findElement(By.cssSelector(".sidebar"));
        WebElement map = driver.findElement(By.id("map"));
        assertTrue(sidebar.getRect().getX() + sidebar.getRect().getWidth() <= map.getRect().getX() + 1,
                "the finder beside the map");
        assertTrue(!driver.findElement(By.id("sheet-handle")).isDisplayed(), "no sheet handle on a wide screen");
        assertTrue(driver.findElements(By.cssSelector("#site-list .site-row")).size() > 10);
        saveScreenshotIfAsked("screenshot-desktop.png");
    }

    /**
     * A site's page on a phone: it fits the screen's width, and its QR code, read by ZXing from the pixels the
     * browser drew, is the page's own URL.
     */
    @Test
    void aSitePageOnAPhoneFitsAndItsQrCodeReadsAsItsUrl() throws Exception {
        phone();
        String id = ((String) http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                + "/ogc/collections/available-sites/items?limit=1")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        String url = baseUrl() + "/sites/" + id;
        driver.get(url);
        WebElement qr = new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.qr")));
        Number overflow = (Number) js("return document.scrollingElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling: " + overflow);
        assertTrue(driver.findElement(By.id("site-mu")).getText().endsWith("亩"));
        js("arguments[0].scrollIntoView({ block: 'center' })", qr);
        byte[] png = qr.getScreenshotAs(OutputType.BYTES);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(image.getWidth(),
                        image.getHeight(), argb)))).getText();
        assertEquals(url, decoded);
        js("window.scrollTo(0, 0)");
        saveScreenshotIfAsked("screenshot-site.png");
    }

    private void saveScreenshotIfAsked(String name) throws IOException {
        String dir = System.getenv("PHONE_SCREENSHOTS");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of(dir));
        Files.copy(shot, Path.of(dir, name), StandardCopyOption.REPLACE_EXISTING);
    }
}
