package org.factdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.factdesk.platformreports.EvidencePackages;
import org.factdesk.platformreports.PlatformReportManagement;
import org.factdesk.platformreports.ReportDesk;
import org.factdesk.publishing.PublishingDesk;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An editor reports a checked item to its platform in a real headless Chromium: from the item page, with the
 * published fact-check cited, then records the platform's acknowledgement and its removal of the post, and downloads
 * the evidence package, whose manifest verifies. The form, the report page and the list are saved under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformReportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformReportManagement reports;

    @Autowired
    PublishingManagement publishing;

    @Test
    void editorReportsAnItemRecordsTheRemovalAndVerifiesTheEvidencePackage() throws Exception {
        ReportDesk desk = new ReportDesk(context);
        PublishingDesk.Team team = desk.team();
        String marker = PublishingDesk.marker();
        ReportDesk.Checked checked = desk.checkedItem(team, marker);
        String factCheckUrl = publishing.url(checked.factCheck());

        try (Browser browser = Browser.open("http://localhost:" + port, 1280, 1500)) {
            browser.signIn(team.editor().email(), TestAccounts.PASSWORD).waitForPath("/items");
            browser.go("/items/" + checked.item().id() + "?lang=vi");
            browser.click("report-to-platform").waitForPath("/platform-reports/new");

            assertThat(browser.driver().findElement(By.id("fact-check-url")).getAttribute("value"))
                    .isEqualTo(factCheckUrl);
            assertThat(browser.driver().findElement(By.id("justification")).getAttribute("value"))
                    .contains(factCheckUrl);
            browser.select("platform", "FACEBOOK")
                    .select("policy", "misinformation-health")
                    .type("reference", "FB-" + marker);
            browser.screenshot("platformreports-01-form-vi");
            browser.click("report-submit").waitForPath("/platform-reports/");
            String reportPath = browser.path();
            assertThat(browser.text("report-status")).isEqualTo("Đã gửi");

            browser.select("step-status", "ACKNOWLEDGED").type("step-note", "Facebook đã tiếp nhận phiếu");
            browser.click("step-submit").waitForPath(reportPath);
            awaitStatus(browser, "ACKNOWLEDGED");

            browser.select("step-status", "ACTIONED")
                    .select("step-action", "REMOVED")
                    .type("step-note", "Bài đăng đã bị gỡ");
            browser.click("step-submit").waitForPath(reportPath);
            awaitStatus(browser, "ACTIONED");
            assertThat(browser.text("report-status")).isEqualTo("Đã xử lý — Đã gỡ bỏ");
            assertThat(browser.driver().findElements(By.cssSelector("#report-timeline li.step")))
                    .hasSize(3);
            assertThat(browser.driver().findElements(By.id("step-form"))).isEmpty();
            browser.screenshot("platformreports-02-report-vi");

            String zipPath =
                    browser.driver().findElement(By.id("evidence-download")).getAttribute("href");
            byte[] zip = download(browser, zipPath);
            Path folder = EvidencePackages.unpack(zip);
            assertThat(EvidencePackages.files(folder))
                    .contains(
                            "SHA256SUMS",
                            "summary.pdf",
                            "snapshots/" + checked.snapshot().fileName());
            EvidencePackages.verifyInJava(folder);
            EvidencePackages.verifyWithSha256sum(folder);
            assertThat(EvidencePackages.pdfText(folder.resolve("summary.pdf"), 1))
                    .contains("Đã xử lý — Đã gỡ bỏ", "FB-" + marker);

            browser.go("/platform-reports?unit=" + team.unit().id() + "&lang=vi");
            assertThat(browser.driver().findElements(By.cssSelector("#reports tbody tr")))
                    .hasSize(1);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#figures-FACEBOOK td.rate"))
                            .getText())
                    .isEqualTo("100%");
            browser.screenshot("platformreports-03-list-vi");

            browser.go("/items/" + checked.item().id() + "?lang=vi");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#item-reports li.item-report"))
                            .getAttribute("data-status"))
                    .isEqualTo("ACTIONED");
        }
    }

    /**
     * Waits for the report page to show this status. A step posts back to the same path, so the path alone cannot say
     * that the new page has loaded: the old page's status element may still be there, and go stale while it is read.
     */
    private static void awaitStatus(Browser browser, String status) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver ->
                        status.equals(driver.findElement(By.id("report-status")).getAttribute("data-status")));
    }

    /** Fetches the package as the browser would, with its session cookie. */
    private static byte[] download(Browser browser, String url) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        return response.body();
    }
}
