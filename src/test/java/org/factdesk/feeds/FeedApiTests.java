package org.factdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.factdesk.feeds.FeedServer.Answer;
import org.factdesk.feeds.internal.FeedSchedule;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
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
import org.springframework.test.web.servlet.ResultActions;

/** The feed API and page: bad subscriptions as RFC 9457 problems, roles, pause, resume, delete, the list. */
@DeskTest
class FeedApiTests {

    static FeedServer server;

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    FeedManagement feeds;

    @Autowired
    FeedSchedule schedule;

    @Autowired
    IntakeManagement intake;

    @Autowired
    JdbcClient jdbc;

    Unit unit;
    CurrentUser admin;
    CurrentUser checker;
    CurrentUser viewer;
    String adminToken;
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
        unit = accounts.unit("Feed API desk");
        admin = accounts.user(Role.ADMIN, unit.id());
        checker = accounts.user(Role.CHECKER, unit.id());
        viewer = accounts.user(Role.VIEWER, unit.id());
        adminToken = accounts.token(admin);
        marker = FeedsDesk.marker();
    }

    private ResultActions subscribe(String token, String json) throws Exception {
        return mvc.perform(post("/api/v1/feeds")
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void refusesBadSubscriptionsWithProblems() throws Exception {
        subscribe(adminToken, "{\"url\": \"not a url\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("feeds.error.invalid-url"));
        subscribe(adminToken, "{\"url\": \"ftp://example.org/feed.xml\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("feeds.error.scheme"));
        subscribe(adminToken, "{\"url\": \"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        for (String refused : List.of(
                "http://127.0.0.2/feed.rss", "http://10.0.0.1/rss", "http://169.254.169.254/latest", "http://[::1]/")) {
            subscribe(adminToken, "{\"url\": \"" + refused + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("intake.fetch.error.address-refused"))
                    .andExpect(jsonPath("$.detail").value(containsString("private or internal address")));
        }
        subscribe(adminToken, "{\"url\": \"" + server.url("/x.rss") + "\", \"pollMinutes\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("feeds.error.interval"));
        assertThat(feeds.feeds(admin)).isEmpty();

        server.serve("/dup-" + marker + ".rss", Answer.rss(FeedDocuments.rss("Dup", List.of())));
        subscribe(adminToken, "{\"url\": \"" + server.url("/dup-" + marker + ".rss") + "\"}")
                .andExpect(status().isCreated());
        subscribe(adminToken, "{\"url\": \"" + server.url("/dup-" + marker + ".rss#top") + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("feeds.error.duplicate"));
        subscribe(new TestAccounts(network).token(checker), "{\"url\": \"" + server.url("/other.rss") + "\"}")
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feeds/" + FeedId.random() + "/poll").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isNotFound());
    }

    @Test
    void checkersPollViewersOnlyReadAdministratorsPauseResumeAndDelete() throws Exception {
        String path = "/roles-" + marker + ".rss";
        server.serve(
                path,
                Answer.rss(FeedDocuments.rss(
                        "Roles " + marker,
                        List.of(new FeedDocuments.Entry(
                                marker,
                                "https://news.example.vn/" + marker,
                                "Tin " + marker,
                                "Nội dung " + marker,
                                null)))));
        Feed feed = feeds.subscribe(admin, new SubscribeFeed(null, server.url(path), "Báo " + marker, 15));
        FeedsDesk desk = new FeedsDesk(feeds, intake, jdbc);
        desk.firstPoll(admin, feed.id());
        String viewerToken = new TestAccounts(network).token(viewer);

        mvc.perform(get("/api/v1/feeds").header("Authorization", "Bearer " + viewerToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Báo " + marker))
                .andExpect(jsonPath("$[0].pollMinutes").value(15))
                .andExpect(jsonPath("$[0].health").value("OK"))
                .andExpect(jsonPath("$[0].entries").value(1))
                .andExpect(jsonPath("$[0].newItems").value(1));
        mvc.perform(post("/api/v1/feeds/" + feed.id() + "/poll").header("Authorization", "Bearer " + viewerToken))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feeds/" + feed.id() + "/pause")
                        .header("Authorization", "Bearer " + new TestAccounts(network).token(checker)))
                .andExpect(status().isForbidden());
        String outsider = new TestAccounts(network)
                .token(new TestAccounts(network)
                        .user(
                                Role.ADMIN,
                                new TestAccounts(network).unit("Other").id()));
        mvc.perform(get("/api/v1/feeds/" + feed.id()).header("Authorization", "Bearer " + outsider))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/feeds/" + feed.id() + "/pause").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.health").value("PAUSED"));
        assertThat(schedule.plannedPoll(feed.id())).isEmpty();
        mvc.perform(post("/api/v1/feeds/" + feed.id() + "/poll").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("feeds.error.paused"));

        var paused = feeds.get(admin, feed.id());
        mvc.perform(post("/api/v1/feeds/" + feed.id() + "/resume").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        desk.awaitPollAfter(admin, feed.id(), paused.lastPolledAt());
        assertThat(FeedsDesk.eventually(() -> schedule.plannedPoll(feed.id()), planned -> planned.isPresent()))
                .isPresent();

        var item = desk.items(feed.id()).get(0);
        mvc.perform(get("/items/" + item.id()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"item-from-feed\"")))
                .andExpect(content().string(not(containsString("id=\"item-tip-channel\""))));
        mvc.perform(delete("/api/v1/feeds/" + feed.id()).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/feeds/" + feed.id()).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isNotFound());
        assertThat(intake.get(item.id()))
                .as("the items a deleted feed brought stay")
                .isNotNull();
        assertThat(FeedsDesk.eventually(() -> schedule.plannedPoll(feed.id()), planned -> planned.isEmpty()))
                .isEmpty();
    }

    private ResultActions patch(String token, FeedId id, String json) throws Exception {
        return mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/feeds/" + id)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json));
    }

    @Test
    void administratorsRenameAFeedAndChangeItsInterval() throws Exception {
        String path = "/edit-" + marker + ".rss";
        server.serve(path, Answer.rss(FeedDocuments.rss("Tin y tế " + marker, List.of())));
        Feed feed = feeds.subscribe(admin, new SubscribeFeed(null, server.url(path), null, 1440));
        Feed polled = new FeedsDesk(feeds, intake, jdbc).firstPoll(admin, feed.id());
        assertThat(polled.nextPollAt()).isAfter(polled.lastPolledAt().plusSeconds(23 * 3600));

        patch(adminToken, feed.id(), "{\"title\": \"  Sở Y tế " + marker + "  \", \"pollMinutes\": 15}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Sở Y tế " + marker))
                .andExpect(jsonPath("$.pollMinutes").value(15));
        Feed edited = feeds.get(admin, feed.id());
        assertThat(edited.title()).isEqualTo("Sở Y tế " + marker);
        assertThat(edited.nextPollAt())
                .as("a shorter interval brings the planned poll forward")
                .isBeforeOrEqualTo(polled.lastPolledAt().plusSeconds(15 * 60).plusSeconds(1));
        assertThat(schedule.plannedPoll(feed.id())).contains(edited.nextPollAt());

        patch(adminToken, feed.id(), "{\"pollMinutes\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("feeds.error.interval"));
        patch(adminToken, feed.id(), "{\"title\": \"" + "x".repeat(301) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("feeds.error.title-too-long"));
        assertThat(feeds.get(admin, feed.id()))
                .as("nothing changed by the refused edits")
                .isEqualTo(edited);
        patch(new TestAccounts(network).token(checker), feed.id(), "{\"pollMinutes\": 30}")
                .andExpect(status().isForbidden());
        patch(adminToken, FeedId.random(), "{\"pollMinutes\": 30}").andExpect(status().isNotFound());

        patch(adminToken, feed.id(), "{\"title\": \"\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").doesNotExist())
                .andExpect(jsonPath("$.name").value("Tin y tế " + marker))
                .andExpect(jsonPath("$.pollMinutes").value(15));

        // A failing feed: its retry comes forward to the retry delay under the new interval.
        String broken = "/edit-broken-" + marker + ".rss";
        server.serve(broken, Answer.of(500, "text/plain", "down"));
        Feed failing = feeds.subscribe(admin, new SubscribeFeed(null, server.url(broken), null, 1440));
        Feed failed = new FeedsDesk(feeds, intake, jdbc).firstPoll(admin, failing.id());
        assertThat(failed.lastError()).isNotNull();
        assertThat(failed.nextPollAt()).isAfter(failed.lastPolledAt().plusSeconds(6 * 3600));
        patch(adminToken, failing.id(), "{\"pollMinutes\": 15}").andExpect(status().isOk());
        assertThat(feeds.get(admin, failing.id()).nextPollAt())
                .isBeforeOrEqualTo(failed.lastPolledAt().plusSeconds(15 * 60).plusSeconds(1));

        // The page: administrators see the form; a refused value is shown again with the reason.
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(
                        get("/monitoring/feeds/" + feed.id()).with(user(admin)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#feed-edit input[name=pollMinutes]").attr("value"))
                .isEqualTo("15");
        mvc.perform(post("/monitoring/feeds/" + feed.id() + "/edit")
                        .with(user(admin))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("title", "Bản tin " + marker)
                        .param("pollMinutes", "100000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The poll interval is between")))
                .andExpect(content().string(containsString("value=\"100000\"")));
        mvc.perform(post("/monitoring/feeds/" + feed.id() + "/edit")
                        .with(user(admin))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("title", "Bản tin " + marker)
                        .param("pollMinutes", "soon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The poll interval is between")));
        mvc.perform(post("/monitoring/feeds/" + feed.id() + "/edit")
                        .with(user(admin))
                        .with(csrf())
                        .param("title", "Bản tin " + marker)
                        .param("pollMinutes", "60"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/monitoring/feeds/" + feed.id()));
        assertThat(feeds.get(admin, feed.id()).name()).isEqualTo("Bản tin " + marker);
        assertThat(feeds.get(admin, feed.id()).pollInterval()).hasMinutes(60);
        mvc.perform(get("/monitoring/feeds/" + feed.id()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"feed-edit\""))));
        mvc.perform(post("/monitoring/feeds/" + feed.id() + "/edit")
                        .with(user(viewer))
                        .with(csrf())
                        .param("title", "x")
                        .param("pollMinutes", "60"))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePageListsFeedsWithTheirStateAndSubscribes() throws Exception {
        String ok = "/page-ok-" + marker + ".rss";
        String broken = "/page-broken-" + marker + ".rss";
        server.serve(ok, Answer.rss(FeedDocuments.rss("Báo sức khỏe " + marker, List.of())));
        server.serve(broken, Answer.of(500, "text/plain", "down"));
        FeedsDesk desk = new FeedsDesk(feeds, intake, jdbc);

        mvc.perform(post("/monitoring/feeds")
                        .with(user(admin))
                        .with(csrf())
                        .param("url", server.url(ok))
                        .param("pollMinutes", "30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/monitoring/feeds"));
        Feed failing = feeds.subscribe(admin, new SubscribeFeed(unit.id(), server.url(broken), null, null));
        desk.firstPoll(admin, failing.id());
        FeedId okId = feeds.feeds(admin).stream()
                .filter(l -> l.feed().url().equals(server.url(ok)))
                .findFirst()
                .orElseThrow()
                .feed()
                .id();
        desk.firstPoll(admin, okId);

        mvc.perform(get("/monitoring/feeds").with(user(admin)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Báo sức khỏe " + marker)))
                .andExpect(content().string(containsString("id=\"feed-" + failing.id() + "\"")))
                .andExpect(content().string(containsString("answered with status 500")))
                .andExpect(content().string(containsString("Failing")))
                .andExpect(content().string(containsString("id=\"feed-form\"")));
        mvc.perform(post("/monitoring/feeds").with(user(admin)).with(csrf()).param("url", "ftp://x.org/rss"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ftp")));
        mvc.perform(get("/monitoring/feeds").with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"feed-form\""))))
                .andExpect(content().string(not(containsString("class=\"poll-now\""))));
    }

    @Test
    void aFeedsPageShowsTheEntriesItTookAndWhatBecameOfThem() throws Exception {
        String path = "/page-" + marker + ".rss";
        server.serve(
                path,
                Answer.rss(FeedDocuments.rss(
                        "Page " + marker,
                        List.of(
                                new FeedDocuments.Entry(
                                        marker + "-1",
                                        "https://news.example.vn/" + marker + "/1",
                                        "Tin thứ nhất " + marker,
                                        "Nội dung thứ nhất " + marker,
                                        null),
                                new FeedDocuments.Entry(
                                        marker + "-2",
                                        null,
                                        "Tin thứ hai " + marker,
                                        "Nội dung thứ hai " + marker,
                                        null),
                                new FeedDocuments.Entry(marker + "-3", null, "", "", null),
                                new FeedDocuments.Entry(
                                        marker + "-4",
                                        "https://news.example.vn/" + marker + "/" + "a".repeat(3000),
                                        "Tin thứ tư " + marker,
                                        "Nội dung thứ tư " + marker,
                                        null)))));
        Feed feed = feeds.subscribe(admin, new SubscribeFeed(null, server.url(path), "Trang " + marker, 15));
        new FeedsDesk(feeds, intake, jdbc).firstPoll(admin, feed.id());

        mvc.perform(get("/monitoring/feeds").with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/monitoring/feeds/" + feed.id() + "\"")));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(
                        get("/monitoring/feeds/" + feed.id()).with(user(viewer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#feed-name").text()).isEqualTo("Trang " + marker);
        assertThat(page.select("#feed-health").text()).isEqualTo("OK");
        assertThat(page.select("tr.feed-entry")).hasSize(4);
        assertThat(page.select("tr.feed-entry a[href^=/items/]").eachText())
                .containsExactlyInAnyOrder("Tin thứ nhất " + marker, "Tin thứ hai " + marker);
        assertThat(page.select("tr.feed-entry .badge").eachText()).containsOnly("new item");
        assertThat(page.select("tr.feed-entry a[href=https://news.example.vn/" + marker + "/1]"))
                .as("a GUID that is no link is shown as text")
                .isEmpty();
        assertThat(page.select(".feed-refusal").eachText())
                .as("an entry with neither link nor text; one with a link too long for a web address, named")
                .hasSize(2)
                .contains("Refused: Give a link, a text, or both.")
                .anySatisfy(reason -> assertThat(reason)
                        .startsWith("Refused: 'https://news.example.vn/" + marker + "/aaa")
                        .endsWith("' is not a valid http(s) link."))
                .noneSatisfy(reason -> assertThat(reason).contains("{0}"));
        // An entry refused before the reasons' values were kept (V44) names them "…".
        jdbc.sql("""
                        insert into feeds_entry (feed_id, guid_key, guid, item_id, new_item, refusal, received_at)
                        values (:feed, :key, :key, null, false, 'intake.error.invalid-url', :at)
                        """)
                .param("feed", feed.id().value())
                .param("key", "old-" + marker)
                .param("at", java.time.OffsetDateTime.now())
                .update();
        assertThat(org.jsoup.Jsoup.parse(mvc.perform(get("/monitoring/feeds/" + feed.id())
                                        .with(user(viewer))
                                        .header("Accept-Language", "en"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select(".feed-refusal")
                        .eachText())
                .contains("Refused: '…' is not a valid http(s) link.");

        CurrentUser outsider = new TestAccounts(network)
                .user(
                        Role.ADMIN,
                        new TestAccounts(network).unit("Other feed desk").id());
        mvc.perform(get("/monitoring/feeds/" + feed.id()).with(user(outsider))).andExpect(status().isNotFound());
    }
}
