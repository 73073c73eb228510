package org.factdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.factdesk.archive.ArchiveManagement;
import org.factdesk.archive.Link;
import org.factdesk.archive.LinkState;
import org.factdesk.archive.Snapshot;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.Platform;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A checker opens an item whose link was fetched, in a real headless Chromium: the archive panel shows the page's
 * metadata and the capture with its hash, and the archived copy opens as a sandboxed page with its banner. The
 * screenshots (target/screenshots) are the ones in docs/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    ArchiveManagement archive;

    @Test
    void theItemPageShowsTheArchivedLinkAndItsSandboxedCopy() throws Exception {
        byte[] page;
        try (InputStream in = getClass().getResourceAsStream("/archive/vnexpress-article.html")) {
            page = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        try {
            TestAccounts accounts = new TestAccounts(network);
            var unit = accounts.unit("Ban kiểm chứng Hà Nội");
            CurrentUser checker = accounts.user(Role.CHECKER, unit.id());
            String url = "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/suc-khoe/bo-y-te-khong-co-bang-chung-nuoc-chanh-nong-diet-virus-4745678.html";
            Item item = intake.submit(
                            checker,
                            new SubmitItem(
                                    null,
                                    url,
                                    null,
                                    "Uống nước chanh nóng mỗi sáng diệt sạch virus corona trong cổ họng, chia sẻ gấp!",
                                    Platform.WEBSITE,
                                    null,
                                    null,
                                    null,
                                    null))
                    .item();
            Link link = awaitFetched(item);
            assertThat(link.state()).isEqualTo(LinkState.FETCHED);
            Snapshot snapshot = archive.snapshotsOf(item.id()).get(0);

            try (Browser browser = Browser.open("http://localhost:" + port, 1280, 1500)) {
                browser.signIn(checker.email(), TestAccounts.PASSWORD).waitForPath("/");
                browser.go("/items/" + item.id() + "?lang=vi");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                        .until(driver ->
                                !driver.findElements(By.id("archive-state")).isEmpty());
                assertThat(browser.text("archive-state")).isEqualTo("Đã tải và lưu trữ");
                assertThat(browser.text("archive-title"))
                        .isEqualTo("Bộ Y tế: Không có bằng chứng nước chanh nóng diệt virus");
                assertThat(browser.page()).contains(snapshot.sha256());
                browser.screenshot("archive-01-item-panel");

                browser.go("/archive/snapshots/" + snapshot.id() + "/view");
                assertThat(browser.text("archive-sha256")).isEqualTo(snapshot.sha256());
                assertThat(browser.page())
                        .contains("Bản lưu trữ.")
                        .contains("chưa có nghiên cứu khoa học nào chứng minh điều này");
                browser.screenshot("archive-02-sandboxed-copy");
            }
        } finally {
            server.stop(0);
        }
    }

    private Link awaitFetched(Item item) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var link = archive.link(item.id());
            if (link.isPresent() && link.get().state() != LinkState.PENDING) {
                return link.get();
            }
            Thread.sleep(100);
        }
        return archive.link(item.id()).orElseThrow();
    }
}
