package org.qiluvalley.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiluvalley.planner.testsupport.MovableClock;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;

/**
 * The steps after approval in the planner workspace (web/js/planner/contract.js), in a real headless Chromium: an
 * allocation approved through the API (proposed by the test-wide admin, approved by a second planner) gets its
 * transfer contract with deadlines already past, the land handed over, building started late (the card says how
 * late), completed, and reviewed below the tax pledge (the card shows the percent achieved and the pledge.tax
 * error); then the land is recovered with a reason, after a confirmation, and the parcel is available again. The
 * refusals: the contract's dates out of order (the page's own check, nothing sent), and a milestone dated before
 * the contract's signing (the service's 400, whose detail the form shows).
 *
 * <p>Dates are the service's: today by its clock ({@link MovableClock}, not moved here), UTC. Every step is driven
 * through the page; the API is only read, to confirm what the page did.
 */
@Import(MovableClock.Config.class)
class ContractStepsIT extends MapBrowserTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    MovableClock clock;

    private ServiceClient anonymous;
    private Planning planning;
    private ServiceClient planner;

    @BeforeEach
    void clients() {
        anonymous = new ServiceClient(baseUrl());
        planning = new Planning(anonymous);
        planner = planning.planner();
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void anApprovedAllocationIsContractedBuiltReviewedAndItsLandRecovered() {
        String id = planning.allocationIn("approved", "Contract Steps Photonics 合同光电");
        String parcel = allocation(id).get("parcelId").stringValue();
        LocalDate today = LocalDate.now(clock);
        LocalDate signedOn = today.minusDays(100);
        LocalDate handOverBy = today.minusDays(90);
        LocalDate startBy = today.minusDays(60);
        LocalDate completeBy = today.minusDays(20);
        LocalDate reviewOn = today.minusDays(10);

        openWorkspaceOn(parcel);
        assertThat(card(id).getDomAttribute("data-state")).isEqualTo("approved");
        assertThat(page("return hooks.plannerAllocations.today")).as("the service's today, from the list")
                .isEqualTo(today.toString());

        // The contract form, opened from the card; first with the dates out of order: the page says so, sends nothing.
        click(id, "[data-step='contract'] button[data-open-form]");
        type(id, "[data-form='contract'] input[name='contractNumber']", "QOV-CR-2026-UI-1");
        type(id, "[data-form='contract'] input[name='priceWanYuan']", "1850.5");
        typeDate(id, "[data-form='contract'] input[name='signedOn']", signedOn);
        typeDate(id, "[data-form='contract'] input[name='handOverBy']", handOverBy);
        typeDate(id, "[data-form='contract'] input[name='startBy']", handOverBy.minusDays(1));
        typeDate(id, "[data-form='contract'] input[name='completeBy']", completeBy);
        typeDate(id, "[data-form='contract'] input[name='reviewOn']", reviewOn);
        Map<String, Object> outOfOrder = waitForOperation("contract",
                () -> click(id, "[data-form='contract'] button[type='submit']"), TIMEOUT);
        assertThat(outOfOrder.get("ok")).isEqualTo(false);
        assertThat(outOfOrder.get("status")).as("nothing sent").isNull();
        assertThat(formMessage(id, "contract")).contains("Start by", "is before hand over by", "日期须依次为");
        assertThat(allocation(id).get("state").stringValue()).as("nothing was sent").isEqualTo("approved");

        typeDate(id, "[data-form='contract'] input[name='startBy']", startBy);
        Map<String, Object> contracted = waitForOperation("contract",
                () -> click(id, "[data-form='contract'] button[type='submit']"), TIMEOUT);
        assertThat(contracted).as("contracted: %s", contracted).containsEntry("status", 200L);
        waitForState(id, "contracted");
        JsonNode contract = allocation(id).get("contract");
        assertThat(contract.get("number").stringValue()).isEqualTo("QOV-CR-2026-UI-1");
        assertThat(contract.get("priceWanYuan").doubleValue()).isEqualTo(1850.5);
        assertThat(contract.get("startBy").stringValue()).isEqualTo(startBy.toString());
        assertThat(cardText(id)).contains("QOV-CR-2026-UI-1", "1,850.5 万元", signedOn.toString(),
                handOverBy.toString(), startBy.toString(), completeBy.toString(), reviewOn.toString());
        assertThat(page("return hooks.plannerAllocations.lastResult.kind")).isEqualTo("contract");
        // Nothing reached yet, and the hand-over deadline passed 90 days ago.
        assertThat(milestone(id, "handed-over").getDomAttribute("data-late")).isEqualTo("true");
        assertThat(milestone(id, "handed-over").getText()).contains("90 days overdue", "已逾期90天");

        // Only the next milestone is offered. Dated before the signing: the service refuses, the form says why.
        assertThat(card(id).findElement(By.cssSelector("form[data-form='milestone']")).getDomAttribute("data-kind"))
                .isEqualTo("handed-over");
        typeDate(id, "[data-form='milestone'] input[name='on']", signedOn.minusDays(1));
        Map<String, Object> early = waitForOperation("milestone",
                () -> click(id, "[data-form='milestone'] button[type='submit']"), TIMEOUT);
        assertThat(early).containsEntry("status", 400L);
        assertThat(formMessage(id, "milestone")).contains("Not recorded", "before " + signedOn,
                "the contract's signing", "未记录");
        assertThat(allocation(id).get("milestones")).as("nothing recorded").isEmpty();

        recordMilestone(id, "handed-over", handOverBy);
        assertThat(milestone(id, "handed-over").getDomAttribute("data-late")).isEqualTo("false");
        assertThat(milestone(id, "handed-over").getText()).contains("on time", "按期");

        // Building started 12 days after the deadline: the timeline marks it late.
        recordMilestone(id, "started", startBy.plusDays(12));
        assertThat(milestone(id, "started").getDomAttribute("data-late")).isEqualTo("true");
        assertThat(milestone(id, "started").getText()).contains("12 days late", "逾期12天");
        assertThat(driver.findElement(By.id("alloc-message")).getText()).contains("12 days late");

        recordMilestone(id, "completed", completeBy);
        assertThat(allocation(id).get("milestones")).extracting(m -> m.get("kind").stringValue() + " "
                + m.get("on").stringValue()).containsExactly("handed-over " + handOverBy, "started "
                        + startBy.plusDays(12), "completed " + completeBy);

        // The review at full production: investment at 125% of its pledge, tax at 50% of its.
        double mu = planning.parcel(parcel).json().at("/properties/areaM2").doubleValue() / (10_000.0 / 15);
        typeDate(id, "[data-form='review'] input[name='on']", today);
        type(id, "[data-form='review'] input[name='investmentWanYuan']",
                decimal(1.25 * Planning.GOOD_INVESTMENT_WAN_YUAN_PER_MU * mu));
        type(id, "[data-form='review'] input[name='taxWanYuanPerYear']",
                decimal(0.5 * Planning.GOOD_TAX_WAN_YUAN_PER_MU * mu));
        Map<String, Object> reviewed = waitForOperation("review",
                () -> click(id, "[data-form='review'] button[type='submit']"), TIMEOUT);
        assertThat(reviewed).as("reviewed: %s", reviewed).containsEntry("status", 200L);
        waitForState(id, "reviewed");
        assertThat(find(id, "[data-percent='tax']").getText()).isEqualTo("50.0%");
        assertThat(find(id, "[data-percent='investment']").getText()).isEqualTo("125.0%");
        WebElement taxFinding = find(id, "li.finding[data-rule='pledge.tax']");
        assertThat(taxFinding.getDomAttribute("data-severity")).isEqualTo("error");
        assertThat(taxFinding.getDomAttribute("class")).contains("finding-error");
        assertThat(taxFinding.getText()).contains("below the pledge", "低于承诺", "50.0%");
        assertThat(find(id, "li.finding[data-rule='pledge.investment']").getDomAttribute("data-severity"))
                .isEqualTo("info");
        // The API's areaM2 is rounded, the service divides by the exact area.
        assertThat(allocation(id).at("/review/taxPercent").doubleValue()).isCloseTo(50.0,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(card(id).findElements(By.cssSelector("form[data-form='review']"))).as("reviewed once").isEmpty();

        // Recover the land: a reason, then a confirmation; nothing changes before the confirmation.
        click(id, "[data-step='revoke'] button[data-open-form]");
        click(id, "[data-form='revoke'] button[type='submit']");
        assertThat(formMessage(id, "revoke")).contains("A reason is required", "请填写收回理由");
        assertThat(find(id, "[data-revoke-confirm]").isDisplayed()).as("no reason, no confirmation").isFalse();
        type(id, "[data-form='revoke'] textarea[name='reason']", "tax far below the pledge 税收远低于承诺");
        click(id, "[data-form='revoke'] button[type='submit']");
        WebElement confirm = find(id, "[data-revoke-confirm]");
        assertThat(confirm.isDisplayed()).as("revoking asks first").isTrue();
        assertThat(confirm.getText()).contains("Recover " + parcel, "确认收回");
        assertThat(allocation(id).get("state").stringValue()).isEqualTo("reviewed");
        Map<String, Object> revoked = waitForOperation("revoke",
                () -> click(id, "button[data-confirm-revoke]"), TIMEOUT);
        assertThat(revoked).as("revoked: %s", revoked).containsEntry("status", 200L);
        waitForState(id, "revoked");
        assertThat(find(id, "[data-revoked-reason]").getText()).isEqualTo("tax far below the pledge 税收远低于承诺");
        assertThat(find(id, "[data-revoked-by]").getText()).isEqualTo(ServiceClient.ADMIN);
        assertThat(find(id, ".alloc-state").getText()).contains("Revoked", "已收回");
        assertThat(card(id).findElements(By.cssSelector("form"))).as("nothing more to do").isEmpty();

        JsonNode after = allocation(id);
        assertThat(after.get("state").stringValue()).isEqualTo("revoked");
        assertThat(after.at("/revoked/reason").stringValue()).isEqualTo("tax far below the pledge 税收远低于承诺");
        assertThat(planning.parcel(parcel).status()).isEqualTo("available");
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> "available"
                .equals(d.findElement(By.id("selection-status")).getDomAttribute("data-status")));
        assertThat(driver.findElement(By.id("propose-form")).isDisplayed()).as("the parcel may be proposed again")
                .isTrue();
    }

    @Test
    void theProposalFormSendsTheIndustrialLandIndicatorsAsFractions() {
        String parcel = planning.takeAvailableParcel("100101");
        openWorkspaceOn(parcel);
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("propose-form")).isDisplayed());
        typeInto(By.id("propose-name"), "Indicator Form Lasers 指标激光");
        typeInto(By.id("propose-use"), "Laser cladding heads · 激光熔覆头");
        typeInto(By.id("propose-investment"), "400");
        typeInto(By.id("propose-tax"), "30");
        typeInto(By.id("propose-admin-share"), "5");
        typeInto(By.id("propose-building-coefficient"), "40");
        assertThat(driver.findElement(By.cssSelector("label[for='propose-admin-share']")).getText())
                .contains("Admin share %", "行政办公及生活服务设施用地比例");
        assertThat(driver.findElement(By.cssSelector("label[for='propose-building-coefficient']")).getText())
                .contains("Building coefficient %", "建筑系数");
        Map<String, Object> proposed = waitForOperation("propose",
                () -> driver.findElement(By.id("propose-submit")).click(), TIMEOUT);
        assertThat(proposed).as("proposed: %s", proposed).containsEntry("status", 201L);
        String id = (String) page("return hooks.plannerAllocations.lastResult.allocation.id");
        JsonNode indicators = allocation(id).get("indicators");
        assertThat(indicators.get("adminShare").doubleValue()).isEqualTo(0.05);
        assertThat(indicators.get("buildingCoefficient").doubleValue()).isEqualTo(0.4);
        assertThat(find(id, ".alloc-indicators").getText()).contains("admin share 5%", "building coefficient 40%");

        // Over the national limit (7%): the rule book refuses, the form lists the finding.
        Map<String, Object> rejected = waitForOperation("reject",
                () -> click(id, "button[data-action='reject']"), TIMEOUT);
        assertThat(rejected).as("rejected: %s", rejected).containsEntry("status", 200L);
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("propose-form")).isDisplayed());
        typeInto(By.id("propose-name"), "Big Office Lasers");
        typeInto(By.id("propose-use"), "Laser offices");
        typeInto(By.id("propose-investment"), "400");
        typeInto(By.id("propose-tax"), "30");
        typeInto(By.id("propose-admin-share"), "8");
        Map<String, Object> refused = waitForOperation("propose",
                () -> driver.findElement(By.id("propose-submit")).click(), TIMEOUT);
        assertThat(refused).containsEntry("status", 422L);
        assertThat(driver.findElements(By.cssSelector("#propose-findings li.finding[data-rule='indicator.admin-share']")))
                .isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------

    private JsonNode allocation(String id) {
        ServiceClient.Reply reply = planner.get("/api/allocations/" + id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Signs in as the test-wide admin (a planner), opens the workspace on the parcel and its allocations. */
    private void openWorkspaceOn(String parcel) {
        forgetSession();
        signIn(ServiceClient.ADMIN, ServiceClient.ADMIN_PASSWORD);
        driver.get(baseUrl() + "/planner.html?animate=0");
        waitForWorkspace(PAGE_TIMEOUT);
        waitForOperation("load", () -> driver.findElement(By.id("find-parcel-id")).sendKeys(parcel, Keys.ENTER),
                TIMEOUT);
        assertThat(driver.findElement(By.id("selection-id")).getText()).isEqualTo(parcel);
        driver.findElement(By.id("tab-allocations")).click();
        new WebDriverWait(driver, TIMEOUT).until(d -> d.findElement(By.id("alloc-body")).isDisplayed()
                && "0".equals(String.valueOf(page("return hooks.ops.running"))));
    }

    private static By cardSelector(String id) {
        return By.cssSelector("#alloc-list li.alloc-card[data-allocation-id='" + id + "']");
    }

    /** The allocation's card, found again each time: the list is redrawn after every step. */
    private WebElement card(String id) {
        return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(cardSelector(id)));
    }

    private WebElement find(String id, String css) {
        return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(cardSelector(id)).findElement(By.cssSelector(css)));
    }

    private String cardText(String id) {
        return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(cardSelector(id)).getText());
    }

    private WebElement milestone(String id, String kind) {
        return find(id, ".contract-timeline li[data-milestone='" + kind + "']");
    }

    private String formMessage(String id, String form) {
        return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement message = d.findElement(cardSelector(id)).findElement(By.cssSelector(
                    "form[data-form='" + form + "'] [data-form-message]"));
            return message.isDisplayed() ? message.getText() : null;
        });
    }

    private void click(String id, String css) {
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(cardSelector(id)).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    private void type(String id, String css, String text) {
        WebElement input = find(id, css);
        input.clear();
        input.sendKeys(text);
    }

    private void typeInto(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Types a date into a date input with the keyboard, as the browser's en-US field takes it (month, day, year),
     * and checks the input holds it.
     */
    private void typeDate(String id, String css, LocalDate date) {
        WebElement input = find(id, css);
        input.clear();
        input.sendKeys(String.format(Locale.ROOT, "%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(),
                date.getYear()));
        assertThat(input.getDomProperty("value")).as("the date input %s", css).isEqualTo(date.toString());
    }

    /** Records the next milestone through its form. */
    private void recordMilestone(String id, String kind, LocalDate on) {
        assertThat(find(id, "form[data-form='milestone']").getDomAttribute("data-kind")).isEqualTo(kind);
        typeDate(id, "[data-form='milestone'] input[name='on']", on);
        Map<String, Object> recorded = waitForOperation("milestone",
                () -> click(id, "[data-form='milestone'] button[type='submit']"), TIMEOUT);
        assertThat(recorded).as("%s: %s", kind, recorded).containsEntry("status", 200L);
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> d
                .findElement(cardSelector(id)).findElement(By.cssSelector(".contract-timeline li[data-milestone='"
                        + kind + "']")).getDomAttribute("class").contains("reached"));
    }

    private void waitForState(String id, String state) {
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> state.equals(d.findElement(cardSelector(id)).getDomAttribute("data-state")));
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
