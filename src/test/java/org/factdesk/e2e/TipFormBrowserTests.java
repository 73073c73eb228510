package org.factdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.factdesk.cases.CaseManagement;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.matching.DeskMatch;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.PublishingDesk;
import org.factdesk.publishing.PublishingManagement;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member of the public, not signed in, sends a rumour through the tip form in a real headless Chromium and is
 * offered the published fact-check it repeats, with its rating and a link to the public page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TipFormBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    MatchingManagement matching;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTipFormOffersTheFactCheckARumourRepeats() throws Exception {
        PublishingDesk desk = new PublishingDesk(network, intake, cases, publishing);
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.published(desk.team(), marker);
        String tip = "Mọi người ơi nghe nói uống nước chanh nóng diệt được virus corona " + marker
                + " có đúng không, ai biết chỉ với";
        awaitPublicFactCheck(factCheck, tip);

        try (Browser browser = Browser.open("http://localhost:" + port, 1280, 1400)) {
            browser.go("/tips?lang=vi");
            browser.screenshot("tipline-01-form");
            browser.type("tip-text", tip).click("tip-submit").waitForPath("/tips/result");

            assertThat(browser.text("tip-reference")).startsWith("TIP-");
            List<WebElement> answers = browser.driver().findElements(By.cssSelector("#tip-answers li.answer"));
            assertThat(answers).isNotEmpty();
            WebElement link = answers.get(0).findElement(By.cssSelector("a.answer-title"));
            assertThat(link.getText()).contains(marker);
            assertThat(link.getAttribute("href")).isEqualTo(publishing.url(factCheck));
            assertThat(answers.get(0).getText()).containsIgnoringCase("Sai sự thật");
            browser.screenshot("tipline-02-answered");
        }
    }

    /** Matching and the tipline learn of the publication asynchronously. */
    private void awaitPublicFactCheck(FactCheck factCheck, String tip) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            long known = jdbc.sql("select count(*) from tipline_fact_check where case_id = :c")
                    .param("c", factCheck.caseId().value())
                    .query(Long.class)
                    .single();
            List<DeskMatch> matches = matching.match(tip, 3).matches();
            if (known == 1
                    && !matches.isEmpty()
                    && matches.get(0).caseId().equals(factCheck.caseId())
                    && matches.get(0).published()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The fact-check did not reach matching and the tipline in time");
    }
}
