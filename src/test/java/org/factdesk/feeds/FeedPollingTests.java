package org.factdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factdesk.feeds.FeedServer.Answer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.factdesk.feeds.FeedDocuments.Entry;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Feeds polled for real: a loopback HTTP server serves RSS and Atom (with an ETag, a Last-Modified, or neither), the
 * desk's scheduler polls them through the SSRF-safe fetcher, and new entries arrive as items of the unit.
 */
@DeskTest
class FeedPollingTests {

    static FeedServer server;

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    FeedManagement feeds;

    @Autowired
    IntakeManagement intake;

    @Autowired
    JdbcClient jdbc;

    FeedsDesk desk;
    Unit unit;
    CurrentUser admin;
    CurrentUser checker;
    String marker;

    @BeforeAll
    static void startServer() throws Exception {
        server = new FeedServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        unit = accounts.unit("Feeds desk");
        admin = accounts.user(Role.ADMIN, unit.id());
        checker = accounts.user(Role.CHECKER, unit.id());
        desk = new FeedsDesk(feeds, intake, jdbc);
        marker = FeedsDesk.marker();
    }

    private Feed subscribe(String path) {
        return feeds.subscribe(admin, new SubscribeFeed(unit.id(), server.url(path), null, null));
    }

    private Entry entry(int n) {
        return new Entry(
                marker + "-" + n,
                "https://news.example.vn/" + marker + "/" + n + ".html",
                "Tin số " + n + " " + marker,
                "<p>Bài <b>số " + n + "</b> về " + marker + " &amp; sức khỏe.</p>",
                "Tue, 0" + n + " Mar 2026 08:00:00 +0700");
    }

    @Test
    void anRssFeedWithAnEtagIsAskedConditionallyAndA304BringsNothingNew() throws Exception {
        String path = "/etag-" + marker + ".rss";
        server.serve(
                path,
                Answer.rss(FeedDocuments.rss("Tin " + marker, List.of(entry(1), entry(2))))
                        .withEtag("\"v1\""));
        String token = new TestAccounts(network).token(admin);

        String created = mvc.perform(post("/api/v1/feeds")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"" + server.url(path) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.health").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        FeedId id = FeedId.valueOf(JsonPath.read(created, "$.id"));

        Feed first = desk.firstPoll(admin, id);
        assertThat(first.health()).isEqualTo(FeedHealth.OK);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.feedTitle()).isEqualTo("Tin " + marker);
        List<Item> items = desk.items(id);
        assertThat(items).hasSize(2);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.unit()).isEqualTo(unit.id());
            assertThat(item.tipChannel()).isEqualTo(IntakeManagement.FEED_CHANNEL);
            assertThat(item.submittedBy()).isNull();
            assertThat(item.platform()).isEqualTo(Platform.WEBSITE);
            assertThat(item.text()).doesNotContain("<", ">", "&amp;").contains("& sức khỏe");
        });
        assertThat(items.get(0).title()).isEqualTo("Tin số 1 " + marker);
        assertThat(items.get(0).url()).isEqualTo("https://news.example.vn/" + marker + "/1.html");
        assertThat(items.get(0).seenAt()).isEqualTo(java.time.Instant.parse("2026-03-01T01:00:00Z"));

        mvc.perform(post("/api/v1/feeds/" + id + "/poll").header("Authorization", "Bearer " + token))
                .andExpect(status().isAccepted());
        desk.awaitPollAfter(admin, id, first.lastPolledAt());

        assertThat(server.requests(path)).hasSize(2);
        assertThat(server.requests(path).get(0).ifNoneMatch()).isNull();
        assertThat(server.requests(path).get(1).ifNoneMatch()).isEqualTo("\"v1\"");
        assertThat(server.requests(path).get(1).status()).isEqualTo(304);
        assertThat(desk.entries(id)).isEqualTo(2);
        Feed second = feeds.get(admin, id);
        assertThat(second.health()).isEqualTo(FeedHealth.OK);
        assertThat(second.lastSuccessAt()).isAfter(first.lastSuccessAt());
        assertThat(second.nextPollAt()).isEqualTo(second.lastPolledAt().plus(second.pollInterval()));
    }

    @Test
    void anAtomFeedWithLastModifiedIsAskedIfModifiedSinceAndItsNewEntryArrives() {
        String path = "/atom-" + marker + ".xml";
        Entry one = new Entry(
                "urn:" + marker + ":1",
                "https://who.example.org/" + marker + "/1",
                "Vaccines " + marker,
                "<div>Vaccines are <em>tested</em> " + marker + "</div>",
                "2026-02-01T10:00:00Z");
        server.serve(
                path,
                Answer.atom(FeedDocuments.atom("Health " + marker, List.of(one)))
                        .withLastModified("Sun, 01 Feb 2026 10:00:00 GMT"));
        Feed feed = subscribe(path);

        desk.firstPoll(admin, feed.id());
        desk.pollNow(checker, feed.id());
        assertThat(server.requests(path).get(1).ifModifiedSince()).isEqualTo("Sun, 01 Feb 2026 10:00:00 GMT");
        assertThat(server.requests(path).get(1).status()).isEqualTo(304);

        Entry two = new Entry(
                "urn:" + marker + ":2",
                "https://who.example.org/" + marker + "/2",
                "Masks " + marker,
                "<div>Masks reduce transmission " + marker + "</div>",
                "2026-02-02T10:00:00Z");
        server.serve(
                path,
                Answer.atom(FeedDocuments.atom("Health " + marker, List.of(two, one)))
                        .withLastModified("Mon, 02 Feb 2026 10:00:00 GMT"));
        Feed polled = desk.pollNow(admin, feed.id());

        assertThat(server.requests(path).get(2).status()).isEqualTo(200);
        assertThat(polled.lastModified()).isEqualTo("Mon, 02 Feb 2026 10:00:00 GMT");
        assertThat(desk.items(feed.id()))
                .extracting(Item::title)
                .containsExactly("Vaccines " + marker, "Masks " + marker);
        assertThat(desk.items(feed.id()).get(1).language()).isEqualTo(org.factdesk.shared.Language.EN);
    }

    @Test
    void aFeedWithoutValidatorsIsDeduplicatedByGuidUrlAndTextOnEveryPoll() {
        String path = "/plain-" + marker + ".rss";
        Item known = intake.submit(
                        checker,
                        SubmitItem.of("https://news.example.vn/" + marker + "/known.html", null, Platform.WEBSITE))
                .item();
        Entry noGuid = new Entry(
                null,
                "https://news.example.vn/" + marker + "/noguid.html",
                "Không có guid " + marker,
                "Nội dung " + marker,
                null);
        Entry alreadyAnItem = new Entry("g-known-" + marker, known.url(), "Đã có " + marker, "Khác " + marker, null);
        List<Entry> entries = new ArrayList<>(List.of(entry(1), noGuid, alreadyAnItem));
        server.serve(path, Answer.rss(FeedDocuments.rss("Plain " + marker, entries)));
        Feed feed = subscribe(path);

        desk.firstPoll(admin, feed.id());
        assertThat(desk.entries(feed.id())).isEqualTo(3);
        assertThat(desk.items(feed.id())).extracting(Item::id).contains(known.id());
        assertThat(intake.get(known.id()).timesSeen()).isEqualTo(2);

        desk.pollNow(admin, feed.id());
        assertThat(server.requests(path)).hasSize(2).allSatisfy(request -> {
            assertThat(request.ifNoneMatch()).isNull();
            assertThat(request.status()).isEqualTo(200);
        });
        assertThat(desk.entries(feed.id())).as("nothing taken twice").isEqualTo(3);
        assertThat(intake.get(known.id()).timesSeen()).isEqualTo(2);

        entries.add(0, entry(5));
        server.serve(path, Answer.rss(FeedDocuments.rss("Plain " + marker, entries)));
        desk.pollNow(admin, feed.id());
        assertThat(desk.entries(feed.id())).isEqualTo(4);
        FeedListing listing = feeds.feeds(admin).stream()
                .filter(l -> l.feed().id().equals(feed.id()))
                .findFirst()
                .orElseThrow();
        assertThat(listing.entries()).isEqualTo(4);
        assertThat(listing.newItems())
                .as("the entry whose URL was already an item is no new item")
                .isEqualTo(3);
    }

    @Test
    void aMalformedFeedIsMarkedFailingWhileAnotherFeedOfTheSameRunStillImportsAndNothingIsLost() {
        String good = "/good-" + marker + ".rss";
        String bad = "/bad-" + marker + ".rss";
        server.serve(good, Answer.rss(FeedDocuments.rss("Good " + marker, List.of(entry(1), entry(2)))));
        server.serve(
                bad, Answer.rss("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>Bad</channel></rss>"));

        Feed failing = subscribe(bad);
        Feed working = subscribe(good);
        Feed badPolled = desk.firstPoll(admin, failing.id());
        Feed goodPolled = desk.firstPoll(admin, working.id());

        assertThat(badPolled.health()).isEqualTo(FeedHealth.FAILING);
        assertThat(badPolled.lastError().key()).isEqualTo("feeds.error.malformed");
        assertThat(badPolled.lastError().arguments()).hasSize(2);
        assertThat(badPolled.lastError().arguments().get(1)).isEqualTo("3");
        assertThat(badPolled.consecutiveFailures()).isEqualTo(1);
        assertThat(badPolled.nextPollAt()).isEqualTo(badPolled.lastPolledAt().plus(badPolled.pollInterval()));
        assertThat(desk.entries(failing.id())).isZero();
        assertThat(goodPolled.health()).isEqualTo(FeedHealth.OK);
        assertThat(desk.items(working.id())).hasSize(2);

        // the good feed breaks: it is marked failing, and what it brought stays
        server.serve(good, Answer.rss("<rss><channel><item></rss>"));
        Feed broken = desk.pollNow(admin, working.id());
        assertThat(broken.health()).isEqualTo(FeedHealth.FAILING);
        assertThat(broken.lastSuccessAt()).isEqualTo(goodPolled.lastSuccessAt());
        assertThat(desk.items(working.id())).hasSize(2);

        // fixed, with one more entry: it is read again in full and the new entry arrives
        server.serve(good, Answer.rss(FeedDocuments.rss("Good " + marker, List.of(entry(3), entry(2), entry(1)))));
        Feed fixed = desk.pollNow(admin, working.id());
        assertThat(fixed.health()).isEqualTo(FeedHealth.OK);
        assertThat(fixed.consecutiveFailures()).isZero();
        assertThat(desk.items(working.id())).hasSize(3);
    }

    @Test
    void serverErrorsHtmlPagesAndWrongTypesAreFailuresWithTheirReason() {
        String error = "/500-" + marker;
        String page = "/page-" + marker + ".html";
        String text = "/text-" + marker + ".txt";
        server.serve(error, Answer.of(500, "text/plain", "boom"));
        server.serve(page, Answer.of(200, "text/html; charset=utf-8", """
                <!doctype html><html><head><title>News</title>
                <link rel="alternate" type="application/rss+xml" href="/rss/home.rss"></head><body>hi</body></html>
                """));
        server.serve(text, Answer.of(200, "text/plain", "not a feed"));

        Feed e = desk.firstPoll(admin, subscribe(error).id());
        Feed p = desk.firstPoll(admin, subscribe(page).id());
        Feed t = desk.firstPoll(admin, subscribe(text).id());

        assertThat(e.health()).isEqualTo(FeedHealth.FAILING);
        assertThat(e.lastError().key()).isEqualTo("intake.fetch.error.http-status");
        assertThat(e.lastError().arguments()).contains("500");
        assertThat(p.lastError().key()).isEqualTo("feeds.error.html-page-advertises");
        assertThat(p.lastError().arguments()).containsExactly(server.url("/rss/home.rss"));
        assertThat(t.lastError().key()).isEqualTo("intake.fetch.error.wrong-type");
        assertThat(List.of(e, p, t))
                .allSatisfy(feed -> assertThat(feed.nextPollAt()).isAfter(feed.lastPolledAt()));
    }

    @Test
    void anExternalEntityInAFeedIsNeverResolved() {
        String path = "/xxe-" + marker + ".rss";
        String secret = "/secret-" + marker;
        server.serve(secret, Answer.of(200, "text/plain", "SECRET-" + marker));
        server.serve(path, Answer.rss("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY leak SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>x</title><link>https://a.vn/</link><description>d</description>
                <item><guid>1</guid><title>leak</title><description>&leak;</description></item></channel></rss>
                """.formatted(server.url(secret))));

        Feed feed = desk.firstPoll(admin, subscribe(path).id());

        assertThat(feed.health()).isEqualTo(FeedHealth.FAILING);
        assertThat(server.requests(secret)).isEmpty();
        assertThat(desk.entries(feed.id())).isZero();
    }

    @Test
    void onlyTheNewestEntriesOfABigFeedAreTaken() {
        String path = "/big-" + marker + ".rss";
        List<Entry> many = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            many.add(new Entry(
                    marker + "-big-" + n,
                    "https://news.example.vn/" + marker + "/big/" + n,
                    "Bài " + n + " " + marker,
                    "Nội dung " + n + " " + marker,
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.parse("2026-01-01T00:00:00Z")
                                    .plusHours(n))));
        }
        server.serve(path, Answer.rss(FeedDocuments.rss("Big " + marker, many)));

        Feed feed = desk.firstPoll(admin, subscribe(path).id());

        assertThat(feed.health()).isEqualTo(FeedHealth.OK);
        List<Item> items = desk.items(feed.id());
        assertThat(items).hasSize(100);
        assertThat(items)
                .extracting(Item::title)
                .doesNotContain("Bài 19 " + marker)
                .contains("Bài 20 " + marker, "Bài 119 " + marker);
    }
}
