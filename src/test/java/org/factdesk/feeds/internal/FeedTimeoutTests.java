package org.factdesk.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.factdesk.feeds.Feed;
import org.factdesk.feeds.FeedDocuments;
import org.factdesk.feeds.FeedHealth;
import org.factdesk.feeds.FeedServer;
import org.factdesk.feeds.FeedServer.Answer;
import org.factdesk.feeds.FeedsProperties;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.IntakeProperties;
import org.factdesk.intake.fetch.FetchProperties;
import org.factdesk.intake.fetch.LinkFetcher;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A feed whose server never answers fails with a timeout and is tried again later, and the next feed polled by the
 * same poller is read as usual. The poller here has a fetcher with a half-second timeout (the desk's is ten seconds),
 * and the feeds are stored without a schedule, so only this test polls them.
 */
@DeskTest
class FeedTimeoutTests {

    @Autowired
    Feeds feeds;

    @Autowired
    FeedEntries entries;

    @Autowired
    IntakeManagement intake;

    @Autowired
    IntakeProperties intakeProperties;

    @Autowired
    FeedsProperties properties;

    @Autowired
    NetworkManagement network;

    @Autowired
    Clock clock;

    @Test
    void aFeedThatNeverAnswersTimesOutAndTheNextFeedIsStillRead() throws Exception {
        TestAccounts accounts = new TestAccounts(network);
        Unit unit = accounts.unit("Timeout desk");
        var admin = accounts.user(Role.ADMIN, unit.id());
        LinkFetcher impatient = new LinkFetcher(
                FetchProperties.allowing("127.0.0.1").withTimeout(Duration.ofMillis(500)),
                InetAddress::getAllByName,
                clock);
        FeedPoller poller = new FeedPoller(feeds, entries, impatient, intake, intakeProperties, properties, clock);
        String marker = org.factdesk.testing.OwnText.marker();

        try (FeedServer server = new FeedServer()) {
            server.serve("/slow.rss", Answer.hanging());
            server.serve(
                    "/fine.rss",
                    Answer.rss(FeedDocuments.rss(
                            "Fine",
                            List.of(new FeedDocuments.Entry(
                                    marker, "https://a.vn/" + marker, "Tin " + marker, "Nội dung " + marker, null)))));
            Feed slow = stored(unit, server.url("/slow.rss"), admin.id());
            Feed fine = stored(unit, server.url("/fine.rss"), admin.id());

            Optional<java.time.Instant> retry = poller.poll(slow.id());
            Optional<java.time.Instant> next = poller.poll(fine.id());

            Feed timedOut = feeds.find(slow.id()).orElseThrow();
            assertThat(timedOut.health()).isEqualTo(FeedHealth.FAILING);
            assertThat(timedOut.lastError().key()).isEqualTo("intake.fetch.error.timeout");
            assertThat(retry).contains(timedOut.lastPolledAt().plus(timedOut.pollInterval()));
            assertThat(server.requests("/slow.rss")).hasSize(1);

            Feed read = feeds.find(fine.id()).orElseThrow();
            assertThat(read.health()).isEqualTo(FeedHealth.OK);
            assertThat(next).contains(read.lastPolledAt().plus(read.pollInterval()));
            assertThat(entries.known(fine.id(), List.of(FeedParser.sha256(marker))))
                    .hasSize(1);
        }
    }

    private Feed stored(Unit unit, String url, org.factdesk.shared.UserId by) {
        Feed feed = Feed.subscribe(unit.id(), url, null, Duration.ofMinutes(30), by, clock.instant());
        feeds.insert(feed, FeedUrls.key(URI.create(url)));
        return feed;
    }
}
