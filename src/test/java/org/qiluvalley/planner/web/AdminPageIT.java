package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
        return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#users-body tr[data-username='" + username + "']")));
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
        WebElement row = rowOf(username);
        assertThat(row.getText()).contains("enabled");
        ServiceClient planner = new ServiceClient(baseUrl()).as(username, ServiceClient.USER_PASSWORD);
        assertThat(planner.get("/api/allocations").status()).isEqualTo(200);

        WebElement disable = row.findElement(By.cssSelector("button[data-action=disable]"));
        assertThat(disable.getSize().getHeight()).as("a touch target").isGreaterThanOrEqualTo(40);
        disable.click();
        new WebDriverWait(driver, TIMEOUT).until(d -> rowOf(username).getText().contains("disabled"));
        assertThat(driver.findElement(By.id("admin-message")).getText()).contains(username, "停用");
        assertThat(planner.get("/api/allocations").status()).as("locked out at once").isEqualTo(401);

        // The only admin cannot disable itself: the page shows the service's reason.
        rowOf(ServiceClient.ADMIN).findElement(By.cssSelector("button[data-action=disable]")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("admin-message")).getText()
                .contains("only enabled admin"));
        assertThat(rowOf(ServiceClient.ADMIN).getText()).contains("enabled");

        forgetSession();
        new ServiceClient(baseUrl()).ensureUser("planner", "page-refused-planner");
        signIn("page-refused-planner", ServiceClient.USER_PASSWORD);
        assertThat(new ServiceClient(baseUrl()).as("page-refused-planner", ServiceClient.USER_PASSWORD)
                .get("/admin.html").status()).isEqualTo(403);
    }
}
