package org.qiluvalley.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

/**
 * "Express interest 意向咨询" on the investor map in a real headless Chromium: an anonymous visitor opens an
 * available site's popup, fills in the form, is stopped by the form's own check when the contact is missing,
 * sends, and sees the confirmation; a planner then finds the inquiry through the API.
 */
class InquiryMapIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aVisitorExpressesInterestInAnAvailableSiteAndAPlannerSeesTheInquiry() {
        signOut();
        openMap("");
        WebElement row = driver.findElement(By.cssSelector("#site-list .site-row"));
        String parcelId = row.getDomAttribute("data-parcel-id");
        row.click();

        WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".leaflet-popup .site-popup .inquiry-open")));
        assertEquals(parcelId, button.getDomAttribute("data-parcel-id"), "the button of the selected site");
        assertTrue(button.getText().contains("意向咨询"), button.getText());
        button.click();

        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inquiry-dialog")));
        assertEquals(parcelId, driver.findElement(By.id("inquiry-parcel")).getText(), "the form names the site");
        assertEquals("200", driver.findElement(By.id("inquiry-company")).getDomAttribute("maxlength"));
        assertEquals("2000", driver.findElement(By.id("inquiry-message")).getDomAttribute("maxlength"));

        driver.findElement(By.id("inquiry-company")).sendKeys("Jinan Beam Works 济南光束有限公司");
        driver.findElement(By.id("inquiry-message")).sendKeys("About 2 ha for a fibre-laser plant.\nSite visit in May?");
        driver.findElement(By.id("inquiry-send")).click();
        // The form's own check: nothing is sent without a contact.
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#inquiry-result.error")));
        assertTrue(result.getText().contains("Contact"), result.getText());
        assertNull(page("return hooks.inquiry.lastResult"), "no request was sent");

        driver.findElement(By.id("inquiry-contact")).sendKeys("Li Wei, +86 531 8888 0000");
        driver.findElement(By.id("inquiry-send")).click();
        WebElement success = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#inquiry-result.success")));
        assertTrue(success.getText().contains("Thank you") && success.getText().contains(parcelId), success.getText());
        assertEquals(201L, page("return hooks.inquiry.lastResult.status"));
        assertTrue(dialog.isDisplayed());
        assertTrue(!driver.findElement(By.id("inquiry-send")).isDisplayed(), "sent once: no second Send");

        // Stored, with what was typed, for the planners.
        ServiceClient planner = new ServiceClient(baseUrl()).asAdmin();
        JsonNode inquiries = planner.get("/api/inquiries?parcel=" + parcelId).json().get("inquiries");
        assertEquals(1, inquiries.size(), inquiries.toString());
        JsonNode inquiry = inquiries.get(0);
        assertEquals("Jinan Beam Works 济南光束有限公司", inquiry.get("company").stringValue());
        assertEquals("Li Wei, +86 531 8888 0000", inquiry.get("contact").stringValue());
        assertEquals("About 2 ha for a fibre-laser plant.\nSite visit in May?", inquiry.get("message").stringValue());
        assertEquals("open", inquiry.get("state").stringValue());
        assertTrue(inquiry.get("submittedBy").isNull(), "sent anonymously");

        // Closing the dialog leaves the map as it was.
        driver.findElement(By.id("inquiry-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertEquals(List.of(parcelId), js("return [...document.querySelectorAll('#site-list .site-row.selected')]"
                + ".map(e => e.dataset.parcelId)"));
    }

    @Test
    void aSignedInInvestorsInquiryGoesWithTheirSessionAndCsrfTokenAndNamesThem() {
        ServiceClient admin = new ServiceClient(baseUrl()).asAdmin();
        admin.ensureUser("investor", "browser-investor");
        openMap("");
        // Sign in as the sign-in form does (session cookie), sending the CSRF token from its cookie.
        Object status = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')).slice(11);
                fetch('/login', {method: 'POST', redirect: 'manual', headers: {'X-XSRF-TOKEN': decodeURIComponent(token),
                    'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'username=browser-investor&password=' + encodeURIComponent(arguments[0])})
                  .then(() => fetch('/api/me')).then((r) => r.json()).then((me) => done(me.username || JSON.stringify(me)),
                    (e) => done(String(e)));""", ServiceClient.USER_PASSWORD);
        assertEquals("browser-investor", status, "signed in");
        openMap("");
        String parcelId = (String) js("return document.querySelectorAll('#site-list .site-row')[1].dataset.parcelId");
        driver.findElement(By.cssSelector("#site-list .site-row[data-parcel-id='" + parcelId + "']")).click();
        WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".leaflet-popup .inquiry-open"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inquiry-dialog")));
        driver.findElement(By.id("inquiry-company")).sendKeys("Signed-in Optics");
        driver.findElement(By.id("inquiry-contact")).sendKeys("investor@example.cn");
        driver.findElement(By.id("inquiry-send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#inquiry-result.success")));

        JsonNode inquiries = admin.get("/api/inquiries?parcel=" + parcelId).json().get("inquiries");
        assertEquals(1, inquiries.size(), inquiries.toString());
        assertEquals("browser-investor", inquiries.get(0).get("submittedBy").stringValue());
        // The investor's own list, from the same browser session.
        Object own = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/inquiries').then((r) => r.json()).then((body) => done(body.inquiries.length), (e) => done(-1));""");
        assertEquals(1L, own);
        signOut();
    }

    /** Forgets any session, so each test starts as the visitor it means to be, whatever the order. */
    private void signOut() {
        driver.get(baseUrl() + "/css/map.css");
        driver.manage().deleteAllCookies();
    }

    @Test
    void anUnavailableParcelsPopupOffersNoInquiry() {
        openMap("");
        String unavailable = (String) page("""
                for (const [id, f] of hooks.investorMap.data.parcels) {
                  if (f.properties.status !== 'available') return id;
                }
                return null;""");
        org.junit.jupiter.api.Assumptions.assumeTrue(unavailable != null,
                "the seed data has no parcel that is not available");
        page("hooks.investorMap.selectParcel(args[0], {source: 'list'})", unavailable);
        WebElement popup = new WebDriverWait(driver, TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup .site-popup")));
        assertEquals(unavailable, popup.getDomAttribute("data-parcel-id"));
        assertTrue(driver.findElements(By.cssSelector(".leaflet-popup .inquiry-open")).isEmpty(),
                "no inquiry button on a parcel that is not available");
    }
}
