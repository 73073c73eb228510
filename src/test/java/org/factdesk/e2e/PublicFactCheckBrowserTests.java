package org.factdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.factdesk.cases.CaseManagement;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.publishing.Article;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.PublishingDesk;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An editor publishes a fact-check in a real headless Chromium; after a correction, anyone opens its public page
 * without signing in and sees the rating badge, the corrections history and one ClaimReview. The Vietnamese page is
 * saved under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicFactCheckBrowserTests {

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
    JsonMapper json;

    @Test
    void editorPublishesAndThePublicReadsTheFactCheck() throws Exception {
        PublishingDesk desk = new PublishingDesk(network, intake, cases, publishing);
        PublishingDesk.Team team = desk.team();
        String marker = PublishingDesk.marker();
        FactCheck draft = desk.draft(team, marker);

        try (Browser browser = Browser.open("http://localhost:" + port, 1280, 1800)) {
            browser.signIn(team.editor().email(), TestAccounts.PASSWORD).waitForPath("/items");
            browser.go("/publishing/fact-checks/" + draft.id() + "?lang=vi");
            assertThat(browser.text("fact-check-state")).isEqualTo("Bản nháp");
            browser.screenshot("publishing-01-desk-draft");
            browser.click("publish-button").waitForPath("/publishing/fact-checks/");
            assertThat(browser.driver().findElement(By.id("fact-check-state")).getAttribute("data-state"))
                    .isEqualTo("PUBLISHED");
            browser.signOut();

            Article current = publishing.get(team.editor(), draft.id()).article();
            publishing.proposeCorrection(
                    team.checker2(),
                    draft.id(),
                    new Article(
                            current.headline(),
                            current.claim(),
                            current.summary(),
                            current.body() + "\n\nĐã bổ sung nguồn."),
                    "Bổ sung nguồn của Bộ Y tế",
                    "Bài đầu thiếu nguồn chính thức trong nước");
            publishing.approveProposal(team.editor2(), draft.id());

            browser.go("/fact-checks/" + draft.slug());
            assertThat(browser.path()).isEqualTo("/fact-checks/" + draft.slug());
            WebElement badge = browser.driver().findElement(By.id("rating-badge"));
            assertThat(badge.getText()).isEqualToIgnoringCase("Sai sự thật");
            assertThat(badge.getAttribute("data-rating")).isEqualTo("FALSE");
            assertThat(badge.getCssValue("background-color")).isEqualTo("rgba(180, 35, 24, 1)");
            List<WebElement> corrections = browser.driver().findElements(By.cssSelector("#corrections li.correction"));
            assertThat(corrections).hasSize(1);
            assertThat(corrections.get(0).getText()).contains("Bổ sung nguồn của Bộ Y tế", "thiếu nguồn chính thức");
            assertThat(browser.page()).contains("Ngày công bố", marker);
            List<WebElement> markup =
                    browser.driver().findElements(By.cssSelector("script[type='application/ld+json']"));
            assertThat(markup).hasSize(1);
            JsonNode review = json.readTree(markup.get(0).getAttribute("innerHTML"));
            assertThat(review.path("@type").asString()).isEqualTo("ClaimReview");
            assertThat(review.path("reviewRating").path("alternateName").asString())
                    .isEqualTo("Sai sự thật");
            assertThat(review.path("url").asString()).endsWith("/fact-checks/" + draft.slug());
            Path shot = browser.screenshot("publishing-02-public-fact-check-vi");
            assertThat(Files.size(shot)).isGreaterThan(20_000);
        }
    }
}
