package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

/**
 * The browsable documentation of {@code /api} (Swagger UI at {@code /api/docs/}) in a real headless Chromium with no
 * internet: it loads from this service alone, under the service's content security policy with no violation, and
 * lists exactly the operations of the OpenAPI document; "Try it out" reaches the API from the page.
 */
class ApiDocsBrowserIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theUiLoadsOfflineUnderTheContentSecurityPolicyAndListsEveryOperation() {
        // Before any script of the page runs: record every content security policy violation the page meets.
        ((ChromiumDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                    (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""));
        JsonNode document = new ServiceClient(baseUrl()).get("/api/openapi").json();
        Set<String> documented = new TreeSet<>();
        for (String path : document.get("paths").propertyNames()) {
            for (String method : document.get("paths").get(path).propertyNames()) {
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
            }
        }
        assertThat(documented).hasSizeGreaterThanOrEqualTo(21);

        driver.get("about:blank");
        driver.get(baseUrl() + "/api/docs/");
        new WebDriverWait(driver, TIMEOUT).until(d -> ((Number) js(
                "return document.querySelectorAll('.opblock .opblock-summary-path').length")).intValue()
                >= documented.size());
        assertThat(path()).isEqualTo("/api/docs/swagger-ui/index.html");
        assertThat(driver.findElement(By.cssSelector(".info .title")).getText())
                .contains("Qilu Optics Valley land-planning service");

        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) js("""
                return Array.from(document.querySelectorAll('.opblock')).map((op) =>
                    op.querySelector('.opblock-summary-method').textContent.trim() + ' '
                    + op.querySelector('.opblock-summary-path').getAttribute('data-path'));""");
        assertThat(new TreeSet<>(listed)).as("the operations the UI lists").isEqualTo(documented);
        assertThat(listed).as("each once").hasSameSizeAs(documented);

        // "Try it out" on a public read: the page calls the API itself, allowed by the policy (default-src 'self').
        WebElement mapConfig = driver.findElement(By.id("operations-Map-getMapConfig"));
        mapConfig.findElement(By.cssSelector(".opblock-summary")).click();
        WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
        wait.until(ExpectedConditions.elementToBeClickable(mapConfig.findElement(By.cssSelector(".try-out__btn"))))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(mapConfig.findElement(By.cssSelector(".execute")))).click();
        WebElement status = wait.until(d -> {
            List<WebElement> cells = mapConfig.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"));
            return cells.isEmpty() ? null : cells.get(0);
        });
        assertThat(status.getText().trim()).isEqualTo("200");
        assertThat(mapConfig.findElement(By.cssSelector(".live-responses-table")).getText()).contains("parcelMinZoom");

        // Everything came from this service, and nothing was refused by the policy.
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js(
                "return performance.getEntriesByType('resource').map((e) => e.name)");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(baseUrl() + "/"));
        assertThat(js("return window.cspViolations")).as("content security policy violations").asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
    }
}
