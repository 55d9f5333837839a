package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.ServiceClient;

/**
 * The admin page ({@code /admin.html}) in a real headless Chromium: an admin signs in, creates a planner with the
 * form, and disables it with one click; the planner, signed in through the API, is locked out at once. A planner
 * asking for the page is refused.
 */
class AdminPageIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private WebElement rowOf(String username) {
        return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(row(username)));
    }

    private static By row(String username) {
        return By.cssSelector("#users-body tr[data-username='" + username + "']");
    }

    /**
     * Waits until the user's row says {@code text}. The page redraws the table after every change, so a row found a
     * moment ago may be gone: each try finds it again.
     */
    private void waitForRowText(String username, String text) {
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(row(username)).getText().contains(text));
    }

    /** Clicks a button of the user's row, finding it again if the table was redrawn meanwhile. */
    private void clickInRow(String username, String action) {
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(row(username)).findElement(By.cssSelector("button[data-action=" + action + "]")).click();
            return true;
        });
    }

    @Test
    void anAdminCreatesAPlannerAndDisablesItFromThePage() {
        signIn(ServiceClient.ADMIN, ServiceClient.ADMIN_PASSWORD);
        driver.get(baseUrl() + "/admin.html");
        rowOf(ServiceClient.ADMIN);

        String username = "page-made-planner";
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(ServiceClient.USER_PASSWORD);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name("role"))).selectByValue("planner");
        driver.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        waitForRowText(username, "enabled");
        ServiceClient planner = new ServiceClient(baseUrl()).as(username, ServiceClient.USER_PASSWORD);
        assertThat(planner.get("/api/allocations").status()).isEqualTo(200);

        int height = new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(row(username)).findElement(By.cssSelector("button[data-action=disable]"))
                        .getSize().getHeight());
        assertThat(height).as("a touch target").isGreaterThanOrEqualTo(40);
        clickInRow(username, "disable");
        waitForRowText(username, "disabled");
        assertThat(driver.findElement(By.id("admin-message")).getText()).contains(username, "停用");
        assertThat(planner.get("/api/allocations").status()).as("locked out at once").isEqualTo(401);

        // The only admin cannot disable itself: the page shows the service's reason.
        clickInRow(ServiceClient.ADMIN, "disable");
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("admin-message")).getText()
                .contains("only enabled admin"));
        waitForRowText(ServiceClient.ADMIN, "enabled");

        forgetSession();
        new ServiceClient(baseUrl()).ensureUser("planner", "page-refused-planner");
        signIn("page-refused-planner", ServiceClient.USER_PASSWORD);
        assertThat(new ServiceClient(baseUrl()).as("page-refused-planner", ServiceClient.USER_PASSWORD)
                .get("/admin.html").status()).isEqualTo(403);
    }
}
