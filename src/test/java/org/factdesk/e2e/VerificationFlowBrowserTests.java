package org.factdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CaseState;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.CaseId;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole verification flow in a real headless Chromium, as two people do it: a checker logs an item, opens a
 * case, adds evidence and proposes a verdict; an editor approves it, sees it published, and finds it with the claim
 * search. Screenshots of every step are saved under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationFlowBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    NetworkManagement network;

    @Autowired
    CaseManagement cases;

    @Test
    void checkerAndEditorTakeAnItemToAPublishedVerdict() throws Exception {
        TestAccounts accounts = new TestAccounts(network);
        Unit unit = accounts.unit("Tổ phản ứng nhanh");
        CurrentUser checker = accounts.user(Role.CHECKER, unit.id());
        CurrentUser editor = accounts.user(Role.EDITOR, unit.id());
        String marker = Long.toString(System.nanoTime(), 36);

        try (Browser browser = Browser.open("http://localhost:" + port, 1280, 1100)) {
            browser.signIn(checker.email(), TestAccounts.PASSWORD).waitForPath("/items");
            browser.go("/items?lang=vi");
            assertThat(browser.page()).contains("Hộp thư");
            browser.screenshot("01-inbox");

            browser.go("/items/new")
                    .type("url", "https://www.facebook.com/groups/suckhoe/posts/" + marker)
                    .type("text", "Uống nước chanh nóng mỗi sáng diệt được virus corona, chia sẻ ngay " + marker)
                    .select("platform", "FACEBOOK")
                    .type("likes", "1200");
            browser.screenshot("02-submit-item");
            browser.click("item-submit").waitForPath("/items/");
            assertThat(browser.text("item-status")).isEqualTo("Mới");
            browser.screenshot("03-item");

            browser.click("open-case").waitForPath("/cases/new");
            browser.type("case-title-input", "Nước chanh nóng diệt virus corona")
                    .type("case-claims-input", "Uống nước chanh nóng diệt được virus corona");
            browser.screenshot("04-open-case");
            browser.click("open-case-submit").waitForPath("/cases/");
            String casePath = browser.path();
            CaseId caseId =
                    CaseId.valueOf(casePath.substring("/cases/".length()).replaceAll("[?#].*", ""));
            assertThat(browser.driver().findElement(By.id("case-state")).getAttribute("data-state"))
                    .isEqualTo("NEW");

            browser.select("triage-priority", "1").type("triage-topics", "covid-19, home-remedies");
            browser.click("triage-submit");
            waitForState(browser, "TRIAGED");
            browser.select("assign-assignee", checker.id().toString()).click("assign-submit");
            waitForState(browser, "IN_VERIFICATION");

            browser.type(
                            "evidence-url",
                            "https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public/myth-busters")
                    .type("evidence-title", "WHO: Coronavirus mythbusters")
                    .type("evidence-summary", "Không có thực phẩm hay đồ uống nào phòng hoặc chữa được Covid-19.")
                    .click("evidence-link-submit");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(driver -> !driver.findElements(By.cssSelector("#evidence-list li.evidence"))
                            .isEmpty());
            browser.go(casePath);

            browser.select("verdict-rating-input", "FALSE")
                    .type(
                            "verdict-summary-input",
                            "Không có bằng chứng nước chanh nóng diệt được virus SARS-CoV-2; WHO khẳng định không đồ"
                                    + " uống nào phòng hay chữa được Covid-19.");
            browser.screenshot("05-case-verification");
            browser.click("verdict-submit");
            waitForState(browser, "IN_REVIEW");
            assertThat(browser.driver().findElements(By.id("approve-submit"))).isEmpty();
            browser.signOut();

            browser.signIn(editor.email(), TestAccounts.PASSWORD).waitForPath("/items");
            browser.go(casePath + "?lang=vi");
            browser.screenshot("06-case-in-review");
            browser.click("approve-submit");
            waitForState(browser, "PUBLISHED");
            assertThat(browser.text("verdict-rating")).isNotBlank();
            assertThat(browser.page()).contains("Nước chanh nóng diệt virus corona");
            browser.screenshot("07-case-published");

            // Matching's panel arrives over htmx in place of its loader (whose link serves browsers without it).
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(driver ->
                            driver.findElements(By.id("case-matches-link")).isEmpty()
                                    && !driver.findElements(By.cssSelector("#case-matches h2"))
                                            .isEmpty());

            // The claim search finds the new fact-check without diacritics, once the index has caught up.
            String search = "/matching/claims?q=nuoc+chanh+nong+diet+virus+corona";
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(driver -> {
                browser.go(search);
                return !driver.findElements(By.cssSelector("#claims-list li[data-rating=FALSE] mark"))
                        .isEmpty();
            });
            browser.screenshot("08-claim-search");
        }
        assertThat(cases.get(editor, caseIdOf(editor)).state()).isEqualTo(CaseState.PUBLISHED);
    }

    private CaseId caseIdOf(CurrentUser editor) {
        return cases.find(editor, new org.factdesk.cases.CaseQuery(null, false), 0, 10).content().stream()
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static void waitForState(Browser browser, String state) {
        // The page may be replaced while it is read (a redirect landing): a stale element is read again.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver ->
                        state.equals(driver.findElement(By.id("case-state")).getAttribute("data-state")));
    }
}
