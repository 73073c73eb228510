package org.factdesk.platformreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.factdesk.intake.Item;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.publishing.PublishingDesk;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pages and the API of platform reports as a browser and a client use them, and the evidence package as a
 * recipient checks it: unpacked, verified with the real {@code sha256sum -c}, and its PDF read back.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformReportWebTests {

    static final Cookie ENGLISH = new Cookie("factdesk-lang", "en");
    static final Cookie VIETNAMESE = new Cookie("factdesk-lang", "vi");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformReportManagement reports;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    NetworkManagement network;

    ReportDesk desk;
    PublishingDesk.Team team;
    TestAccounts accounts;

    @BeforeAll
    void setUp() {
        desk = new ReportDesk(context);
        team = desk.team();
        accounts = new TestAccounts(network);
    }

    @Test
    void theItemPanelOffersReportingToEditorsOnly() throws Exception {
        Item item = desk.item(team, Platform.FACEBOOK, PublishingDesk.marker());
        desk.report(team, item, "FACEBOOK", "spam", null);

        String forEditor = okPage(get("/platform-reports/items/" + item.id())
                .with(user(team.editor()))
                .cookie(ENGLISH));
        Document panel = Jsoup.parse(forEditor);
        assertThat(panel.getElementById("report-to-platform")).isNotNull();
        assertThat(panel.select("li.item-report")).singleElement().satisfies(line -> {
            assertThat(line.attr("data-status")).isEqualTo("SUBMITTED");
            assertThat(line.text()).contains("Facebook", "Spam");
        });

        String forChecker = mvc.perform(get("/platform-reports/items/" + item.id())
                        .with(user(team.checker()))
                        .cookie(ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(forChecker).getElementById("report-to-platform")).isNull();

        String itemPage = mvc.perform(get("/items/" + item.id()).with(user(team.editor())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(itemPage).getElementById("item-reports").attr("hx-get"))
                .isEqualTo("/platform-reports/items/" + item.id());
    }

    @Test
    void theFormCitesThePublishedFactCheck() throws Exception {
        ReportDesk.Checked checked = desk.checkedItem(team, PublishingDesk.marker());
        String page = okPage(get("/platform-reports/new")
                .param("item", checked.item().id().toString())
                .with(user(team.editor()))
                .cookie(ENGLISH));
        Document form = Jsoup.parse(page);
        String url = publishing.url(checked.factCheck());
        assertThat(form.getElementById("fact-check-url").val()).isEqualTo(url);
        assertThat(form.getElementById("justification").text())
                .contains(url, checked.factCheck().article().headline());
        assertThat(form.select("#platform option[selected]").val()).isEqualTo("FACEBOOK");
        assertThat(form.select("#policy option")).extracting(o -> o.val()).contains("misinformation-health", "spam");

        String options = mvc.perform(get("/platform-reports/policy-options")
                        .param("platform", "TIKTOK")
                        .with(user(team.editor()))
                        .cookie(ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(options).select("#policy option"))
                .extracting(o -> o.val())
                .contains("misinformation", "frauds-scams")
                .doesNotContain("misinformation-health");
    }

    @Test
    void theFormAnswersAnUnknownCategoryWithAClearErrorAndStoresNothing() throws Exception {
        Item item = desk.item(team, Platform.TIKTOK, PublishingDesk.marker());
        String page = okPage(editorPost("/platform-reports")
                .cookie(ENGLISH)
                .param("item", item.id().toString())
                .param("platform", "TIKTOK")
                .param("policy", "misinformation-health")
                .param("justification", "Sai sự thật"));
        assertThat(Jsoup.parse(page).select(".flash.error").text())
                .contains("The policy category \"misinformation-health\" is not in the list of TikTok");
        assertThat(reports.ofItem(item.id())).isEmpty();

        mvc.perform(editorPost("/platform-reports")
                        .param("item", item.id().toString())
                        .param("platform", "TIKTOK")
                        .param("policy", "misinformation")
                        .param("reference", "TT-778")
                        .param("submittedAt", "2026-11-20T09:30")
                        .param("justification", "Sai sự thật, xem bài kiểm chứng"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/platform-reports/*"));
        PlatformReport stored = reports.ofItem(item.id()).get(0);
        assertThat(stored.reference()).isEqualTo("TT-778");
        assertThat(stored.submittedAt())
                .isEqualTo(
                        LocalDateTime.parse("2026-11-20T09:30").atZone(VIETNAM).toInstant());
    }

    @Test
    void aStepDatedBeforeTheSubmissionIsRefusedOnThePage() throws Exception {
        Item item = desk.item(team, Platform.FACEBOOK, PublishingDesk.marker());
        Instant sent = LocalDateTime.parse("2026-11-10T10:00").atZone(VIETNAM).toInstant();
        PlatformReport report = desk.report(team, item, "FACEBOOK", "spam", sent);

        String page = okPage(editorPost("/platform-reports/" + report.id() + "/steps")
                .cookie(ENGLISH)
                .param("status", "ACTIONED")
                .param("action", "REMOVED")
                .param("at", "2026-11-09T10:00"));
        assertThat(Jsoup.parse(page).select(".flash.error").text()).contains("dated before the report was sent");
        assertThat(reports.get(report.id()).status()).isEqualTo(ReportStatus.SUBMITTED);

        mvc.perform(editorPost("/platform-reports/" + report.id() + "/steps")
                        .param("status", "ACTIONED")
                        .param("action", "REMOVED")
                        .param("at", "2026-11-12T10:00")
                        .param("note", "Đã gỡ"))
                .andExpect(status().is3xxRedirection());
        String reportPage = mvc.perform(get("/platform-reports/" + report.id())
                        .with(user(team.checker()))
                        .cookie(ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document shown = Jsoup.parse(reportPage);
        assertThat(shown.getElementById("report-status").attr("data-status")).isEqualTo("ACTIONED");
        assertThat(shown.getElementById("report-time-to-outcome").text()).isEqualTo("2.0 days");
        assertThat(shown.select("#report-timeline li.step")).hasSize(2);
        assertThat(shown.getElementById("step-form")).isNull();
    }

    @Test
    void malformedDatesAndStatusesComeBackAsMessagesOnTheForm() throws Exception {
        Item item = desk.item(team, Platform.FACEBOOK, PublishingDesk.marker());
        String page = okPage(editorPost("/platform-reports")
                .cookie(ENGLISH)
                .param("item", item.id().toString())
                .param("platform", "FACEBOOK")
                .param("policy", "spam")
                .param("submittedAt", "25/11/2026 10:00 tomorrow")
                .param("justification", "Sai sự thật"));
        assertThat(Jsoup.parse(page).select(".flash.error").text()).contains("date and time");
        assertThat(Jsoup.parse(page).select("textarea[name=justification]").text())
                .isEqualTo("Sai sự thật");
        assertThat(reports.ofItem(item.id())).isEmpty();

        Instant sent = LocalDateTime.parse("2026-11-10T10:00").atZone(VIETNAM).toInstant();
        PlatformReport report = desk.report(team, item, "FACEBOOK", "spam", sent);
        for (String[] bad : List.of(
                new String[] {"ACTIONED", "REMOVED", "notadate"},
                new String[] {"BOGUS", "REMOVED", "2026-11-12T10:00"},
                new String[] {"ACTIONED", "BURNED", "2026-11-12T10:00"})) {
            String stepPage = okPage(editorPost("/platform-reports/" + report.id() + "/steps")
                    .cookie(ENGLISH)
                    .param("status", bad[0])
                    .param("action", bad[1])
                    .param("at", bad[2]));
            assertThat(Jsoup.parse(stepPage).select(".flash.error").text())
                    .as(String.join(" ", bad))
                    .isNotBlank();
            assertThat(reports.get(report.id()).status()).isEqualTo(ReportStatus.SUBMITTED);
        }
        // The language links of the page shown again lead to the report, not to the post's address (405 on GET).
        String again = okPage(editorPost("/platform-reports/" + report.id() + "/steps")
                .header("Referer", "http://localhost/platform-reports/" + report.id() + "?lang=vi")
                .param("status", "ACTIONED")
                .param("at", "notadate"));
        assertThat(Jsoup.parse(again).select("a[hreflang=en]").attr("href"))
                .isEqualTo("/platform-reports/" + report.id() + "?lang=en");
        // So do those of an error page answered to a post (a step for a report that does not exist).
        String refused = mvc.perform(editorPost("/platform-reports/" + java.util.UUID.randomUUID() + "/steps")
                        .header("Referer", "http://localhost/platform-reports/" + report.id())
                        .param("status", "ACKNOWLEDGED")
                        .param("at", "2026-11-12T10:00"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(refused).select("a[hreflang=vi]").attr("href"))
                .isEqualTo("/platform-reports/" + report.id() + "?lang=vi");
        // A date typed the Vietnamese way is read.
        mvc.perform(editorPost("/platform-reports/" + report.id() + "/steps")
                        .param("status", "ACKNOWLEDGED")
                        .param("at", "12/11/2026 10:00"))
                .andExpect(status().is3xxRedirection());
        assertThat(reports.get(report.id()).status()).isEqualTo(ReportStatus.ACKNOWLEDGED);
    }

    @Test
    void theListFiltersAndShowsFiguresPerPlatform() throws Exception {
        PublishingDesk.Team unit = desk.team();
        Item a = desk.item(unit, Platform.YOUTUBE, PublishingDesk.marker());
        Item b = desk.item(unit, Platform.YOUTUBE, PublishingDesk.marker());
        Instant sent = Instant.now().minus(4, ChronoUnit.DAYS);
        PlatformReport first = desk.report(unit, a, "YOUTUBE", "medical-misinformation", sent);
        desk.report(unit, b, "YOUTUBE", "spam-scams", sent);
        reports.move(
                unit.editor(),
                first.id(),
                new StatusChange(ReportStatus.ACTIONED, ActionTaken.LABELLED, sent.plus(3, ChronoUnit.DAYS), null));

        String page = okPage(get("/platform-reports")
                .param("unit", unit.unit().id().toString())
                .with(user(unit.checker()))
                .cookie(ENGLISH));
        Document list = Jsoup.parse(page);
        assertThat(list.select("#reports tbody tr")).hasSize(2);
        assertThat(list.select("#figures-YOUTUBE td.sent").text()).isEqualTo("2");
        assertThat(list.select("#figures-YOUTUBE td.rate").text()).isEqualTo("100%");
        assertThat(list.select("#figures-YOUTUBE td.median").text()).isEqualTo("3.0");

        String actioned = mvc.perform(get("/platform-reports")
                        .param("unit", unit.unit().id().toString())
                        .param("status", "ACTIONED")
                        .with(user(unit.checker())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(actioned).select("#reports tbody tr"))
                .singleElement()
                .satisfies(row -> assertThat(row.attr("data-status")).isEqualTo("ACTIONED"));
        // The filter form sends an empty unit for "all units".
        mvc.perform(get("/platform-reports")
                        .param("platform", "YOUTUBE")
                        .param("status", "ACTIONED")
                        .param("unit", "")
                        .with(user(unit.checker())))
                .andExpect(status().isOk());
        // A period given the wrong way round is read the right way, and the page says so.
        String swapped = okPage(get("/platform-reports")
                .param("unit", unit.unit().id().toString())
                .param("from", LocalDate.now(VIETNAM).plusDays(1).toString())
                .param("to", LocalDate.now(VIETNAM).minusDays(10).toString())
                .with(user(unit.checker()))
                .cookie(ENGLISH));
        Document swappedPage = Jsoup.parse(swapped);
        assertThat(swappedPage.getElementById("period-swapped").text()).startsWith("The period ended before it began");
        assertThat(swappedPage.select("#reports tbody tr")).hasSize(2);
    }

    @Test
    void theApiAnswersProblemsForBadInput() throws Exception {
        Item item = desk.item(team, Platform.X, PublishingDesk.marker());
        String token = accounts.token(team.editor());

        mvc.perform(post("/api/v1/platform-reports")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"item": "%s", "platform": "MYSPACE", "policy": "spam", "justification": "x"}
                                """.formatted(item.id())))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("platformreports.error.unknown-platform"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("MYSPACE")));
        mvc.perform(post("/api/v1/platform-reports")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"item": "%s", "platform": "X", "policy": "health", "justification": "x"}
                                """.formatted(item.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("platformreports.error.unknown-policy"));
        assertThat(reports.ofItem(item.id())).isEmpty();

        MvcResult created = mvc.perform(post("/api/v1/platform-reports")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"item": "%s", "platform": "X", "policy": "synthetic-manipulated-media",
                                 "reference": "X-1", "justification": "Ảnh bị cắt ghép",
                                 "submittedAt": "2026-11-20T02:00:00Z"}
                                """.formatted(item.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        mvc.perform(post("/api/v1/platform-reports/" + id + "/steps")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"status": "REJECTED", "at": "2026-11-19T02:00:00Z"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("platformreports.error.before-submission"));
        mvc.perform(post("/api/v1/platform-reports/" + id + "/steps")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"status": "REJECTED", "at": "2026-11-22T02:00:00Z", "note": "Không vi phạm"}
                                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.daysToOutcome").value(2.0))
                .andExpect(jsonPath("$.timeline.length()").value(2));
        mvc.perform(post("/api/v1/platform-reports/" + id + "/steps")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"status": "ACKNOWLEDGED"}
                                """))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("platformreports.error.illegal-transition"));
        mvc.perform(get("/api/v1/platform-reports/" + PlatformReportId.random())
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/platform-reports/policies").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.platforms[0].platform").value("FACEBOOK"));
        String viewerToken =
                accounts.token(accounts.user(Role.VIEWER, team.unit().id()));
        mvc.perform(get("/api/v1/platform-reports/" + id).header("Authorization", "Bearer " + viewerToken))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/platform-reports")
                        .header("Authorization", "Bearer " + viewerToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"item": "%s", "platform": "X", "policy": "impersonation", "justification": "x"}
                                """.formatted(item.id())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theEvidencePackageVerifiesWithSha256sumAndCarriesAOnePageVietnameseSummary() throws Exception {
        String marker = PublishingDesk.marker();
        ReportDesk.Checked checked = desk.checkedItem(team, marker);
        Instant sent = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PlatformReport report = reports.submit(
                team.editor(),
                new NewPlatformReport(
                        checked.item().id(),
                        "FACEBOOK",
                        "misinformation-health",
                        "FB-2026-" + marker,
                        "Bài đăng lan truyền thông tin sai sự thật về sức khỏe. Bài kiểm chứng: "
                                + publishing.url(checked.factCheck()),
                        publishing.url(checked.factCheck()),
                        sent));
        reports.move(
                team.editor(),
                report.id(),
                new StatusChange(ReportStatus.ACKNOWLEDGED, null, sent.plus(2, ChronoUnit.HOURS), "Đã tiếp nhận"));
        reports.move(
                team.editor(),
                report.id(),
                new StatusChange(ReportStatus.ACTIONED, ActionTaken.REMOVED, sent.plus(2, ChronoUnit.DAYS), "Đã gỡ"));

        MvcResult download = mvc.perform(get("/platform-reports/" + report.id() + "/evidence.zip")
                        .with(user(team.checker()))
                        .cookie(VIETNAMESE))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .contains("platform-report-" + report.id() + ".zip");
        Path folder = EvidencePackages.unpack(download.getResponse().getContentAsByteArray());

        assertThat(EvidencePackages.files(folder))
                .contains(
                        "README.txt",
                        "report.json",
                        "timeline.json",
                        "item.json",
                        "fact-check.json",
                        "fact-check.md",
                        "snapshots/" + checked.snapshot().fileName(),
                        "snapshots/" + checked.snapshot().sha256() + ".headers.json",
                        "summary.pdf",
                        "SHA256SUMS");
        EvidencePackages.verifyInJava(folder);
        EvidencePackages.verifyWithSha256sum(folder);
        assertThat(sha256Of(folder.resolve("snapshots/" + checked.snapshot().fileName())))
                .isEqualTo(checked.snapshot().sha256());
        assertThat(Files.readString(folder.resolve("fact-check.md"))).contains(publishing.url(checked.factCheck()));
        assertThat(Files.readString(folder.resolve("timeline.json"))).contains("ACKNOWLEDGED", "Đã gỡ", "REMOVED");
        assertThat(Files.readString(folder.resolve("item.json")))
                .contains(checked.item().url());
        // what verification catches: a changed byte
        Path tampered = EvidencePackages.unpack(download.getResponse().getContentAsByteArray());
        Files.writeString(tampered.resolve("item.json"), " ", java.nio.file.StandardOpenOption.APPEND);
        assertThat(EvidencePackages.sha256sumExitCode(tampered)).isNotZero();

        String text = EvidencePackages.pdfText(folder.resolve("summary.pdf"), 1);
        assertThat(text)
                .contains(
                        "Báo cáo gửi nền tảng — tóm tắt gói bằng chứng",
                        "Thông tin sai lệch về sức khỏe",
                        "Đã xử lý — Đã gỡ bỏ",
                        "2,0 ngày",
                        "FB-2026-" + marker,
                        checked.snapshot().sha256(),
                        publishing.url(checked.factCheck()));
        EvidencePackages.render(folder.resolve("summary.pdf"), Path.of("target", "pdf", "evidence-summary-vi.png"));

        // an API client gets the same package, in English
        String token = accounts.token(team.checker());
        byte[] english = mvc.perform(get("/api/v1/platform-reports/" + report.id() + "/evidence.zip")
                        .header("Authorization", "Bearer " + token)
                        .cookie(ENGLISH)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path other = EvidencePackages.unpack(english);
        EvidencePackages.verifyInJava(other);
        assertThat(Files.readString(other.resolve("SHA256SUMS"), StandardCharsets.UTF_8))
                .isNotBlank();
    }

    private static String sha256Of(Path file) throws Exception {
        return org.factdesk.archive.ArchiveFixtures.sha256(Files.readAllBytes(file));
    }

    /** A form post of the team's editor, with its CSRF token. */
    private MockHttpServletRequestBuilder editorPost(String path) {
        return post(path).with(user(team.editor())).with(csrf());
    }

    /** The page a request answers with 200 (a form sent back with its message is one). */
    private String okPage(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
