package org.factdesk.matching;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.factdesk.archive.ArchiveManagement;
import org.factdesk.archive.LinkState;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An item logged as a bare link is matched by the page the link led to, once the archive fetched it. */
@DeskTest
class BareLinkMatchingTests {

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    MatchingManagement matching;

    @Autowired
    ArchiveManagement archive;

    HttpServer server;
    String marker = UUID.randomUUID().toString().substring(0, 8);
    CurrentUser checker;
    Case kase;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void publishAClaimAndServeAPageRepeatingIt() throws IOException {
        MatchingDesk desk = new MatchingDesk(network, intake, cases, jdbc);
        MatchingDesk.Team team = desk.team("Bare link desk " + marker);
        checker = team.checker();
        kase = desk.publish(team, Rating.FALSE, "Ngậm tỏi sống " + marker + " giúp phòng lây nhiễm virus corona");
        MatchingDesk.eventually(
                () -> matching.match("ngam toi song " + marker, 5).matches(),
                found -> found.stream().anyMatch(m -> m.caseId().equals(kase.id())));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bai-viet", exchange -> {
            byte[] page = ("<html><head><title>Mẹo ngậm tỏi sống " + marker + " phòng virus corona</title>"
                            + "<meta property=\"og:description\" content=\"Ngậm tỏi sống " + marker
                            + " mỗi ngày giúp phòng lây nhiễm virus corona, bác sĩ khuyên.\"></head>"
                            + "<body><p>Ngậm tỏi sống " + marker
                            + " giúp phòng lây nhiễm virus corona.</p></body></html>")
                    .getBytes(UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aBareLinkIsMatchedByTheArchivedPage() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/bai-viet?id=" + marker;
        Item item = intake.submit(checker, SubmitItem.of(url, null, Platform.WEBSITE))
                .item();

        List<ItemMatch> matches = MatchingDesk.eventually(
                () -> matching.matchesOf(item.id()),
                found -> found.stream().anyMatch(m -> m.match().caseId().equals(kase.id())));

        assertThat(archive.link(item.id()))
                .hasValueSatisfying(link -> assertThat(link.state()).isEqualTo(LinkState.FETCHED));
        assertThat(matches).anySatisfy(m -> assertThat(m.match().caseId()).isEqualTo(kase.id()));
    }

    @Test
    void anItemWithTextOfItsOwnIsNotMatchedAgainByThePage() {
        Item item = intake.submit(checker, SubmitItem.of(null, "Thời tiết hôm nay đẹp " + marker, Platform.FACEBOOK))
                .item();

        assertThat(matching.matchFetchedPage(
                        item.id(), "Ngậm tỏi sống " + marker, "Ngậm tỏi sống " + marker + " phòng virus corona"))
                .noneSatisfy(m -> assertThat(m.match().caseId()).isEqualTo(kase.id()));
    }
}
