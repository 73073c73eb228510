package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemStatus;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.CaseId;
import org.factdesk.testing.DeskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The case pages as a signed-in browser uses them: plain form posts with CSRF, redirects with flash messages, and
 * htmx partials. Pages are rendered in English (the language cookie) so that the assertions read; the pages of the
 * happy path are also written to {@code target/pages} for a look.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePagesTests {

    static final Cookie ENGLISH = new Cookie("factdesk-lang", "en");
    static final Path PAGES = Path.of("target", "pages");

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    CaseDesk desk;
    CaseDesk.Team team;
    CaseDesk.Team otherTeam;

    @BeforeAll
    void setUp() {
        desk = new CaseDesk(network, intake, cases);
        team = desk.team();
        otherTeam = desk.team();
    }

    @Test
    void checkerOpensACaseFromAnItemAndSeesTheCasePage() throws Exception {
        Item item = desk.item(team.checker());
        String form = page(get("/cases/new").param("item", item.id().toString()), team.checker(), "new-case");
        assertThat(form).contains("open-case-submit").contains(item.headline()).contains("/items/" + item.id());

        MvcResult opened = mvc.perform(post("/cases")
                        .with(user(team.checker()))
                        .with(csrf())
                        .cookie(ENGLISH)
                        .param("title", "Hot lemon water")
                        .param(
                                "claims",
                                "Uống nước chanh nóng diệt được virus corona\n\nHot lemon water cures COVID-19\n")
                        .param("unit", team.unit().id().toString())
                        .param("items", item.id().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/cases/*"))
                .andExpect(flash().attribute("success", "cases.flash.opened"))
                .andReturn();
        String location = opened.getResponse().getRedirectedUrl();
        CaseId id = CaseId.valueOf(location.substring(location.lastIndexOf('/') + 1));

        String html = page(get(location).flashAttr("success", "cases.flash.opened"), team.checker(), "case-new");
        Document page = Jsoup.parse(html);
        assertThat(page.select("#case-title").text()).isEqualTo("Hot lemon water");
        assertThat(page.select("#case-state").text()).isEqualTo("New");
        assertThat(page.select("#claims li.claim")).hasSize(2);
        assertThat(page.select("#claims").text()).contains("Uống nước chanh nóng diệt được virus corona");
        assertThat(page.select("#case-items a").attr("href")).isEqualTo("/items/" + item.id());
        assertThat(page.select(".flash.success").text()).isEqualTo("The case is open.");
        assertThat(page.select("#triage-submit")).hasSize(1);
        assertThat(page.select("#history li").text()).contains("opened the case");
        assertThat(intake.get(item.id()).caseId()).isEqualTo(id);
        assertThat(intake.get(item.id()).status()).isEqualTo(ItemStatus.IN_CASE);
    }

    @Test
    void theOpenFormShowsFieldErrorsAndKeepsTheInput() throws Exception {
        Item item = desk.item(team.checker());
        String html = mvc.perform(post("/cases")
                        .with(user(team.checker()))
                        .with(csrf())
                        .cookie(ENGLISH)
                        .param("title", "")
                        .param("claims", "A claim to keep")
                        .param("items", item.id().toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select(".field-error").text()).contains("The case needs a title.");
        assertThat(page.select("#case-claims-input").text()).isEqualTo("A claim to keep");
        assertThat(intake.get(item.id()).status()).isEqualTo(ItemStatus.NEW);
    }

    @Test
    void walksACaseThroughTheWorkflowWithPlainForms() throws Exception {
        Case kase = desk.newCase(team);
        String path = "/cases/" + kase.id();

        act(
                team.checker(),
                post(path + "/triage").param("priority", "1").param("topics", "covid-19, Sức khỏe"),
                "cases.flash.triaged");
        act(
                team.checker(),
                post(path + "/assign").param("assignee", team.checker2().id().toString()),
                "cases.flash.assigned");
        act(
                team.checker2(),
                post(path + "/evidence/link")
                        .param("url", "https://www.who.int/myth-busters")
                        .param("title", "WHO Mythbusters")
                        .param("summary", "Heat does not kill the virus."),
                "cases.flash.evidence-added");
        act(
                team.checker2(),
                post(path + "/evidence/note").param("text", "Called the provincial hospital."),
                "cases.flash.evidence-added");
        mvc.perform(multipart(path + "/evidence/file")
                        .file(new MockMultipartFile(
                                "file",
                                "notes.txt",
                                "text/plain",
                                "Ghi chép cuộc gọi\n".getBytes(StandardCharsets.UTF_8)))
                        .param("title", "Call notes")
                        .with(user(team.checker2()))
                        .with(csrf()))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("success", "cases.flash.evidence-added"));
        act(team.editor(), post(path + "/comments").param("text", "Good sources."), "cases.flash.commented");
        act(
                team.checker2(),
                post(path + "/verdict").param("rating", "FALSE").param("summary", "No evidence supports it."),
                "cases.flash.verdict-proposed");

        Document review = Jsoup.parse(page(get(path), team.editor(), "case-in-review"));
        assertThat(review.select("#case-state").attr("data-state")).isEqualTo("IN_REVIEW");
        assertThat(review.select("#approve-submit")).hasSize(1);
        assertThat(review.select("#send-back-submit")).hasSize(1);
        assertThat(review.select("#evidence-list li.evidence")).hasSize(3);
        assertThat(review.select("#comment-list li.comment").text()).contains("Good sources.");
        assertThat(review.select("#verdict-rating").text()).isEqualTo("False");

        Document authorsView = Jsoup.parse(page(get(path), team.checker2(), null));
        assertThat(authorsView.select("#approve-submit"))
                .as("checkers do not review")
                .isEmpty();

        act(team.editor(), post(path + "/approve"), "cases.flash.approved");
        Document published = Jsoup.parse(page(get(path), team.viewer(), "case-published"));
        assertThat(published.select("#case-state").text()).isEqualTo("Published");
        assertThat(published.select("#history li.history-entry")).hasSize(5);
        assertThat(published.select("#history").text())
                .contains("triaged it: priority 1 · covid-19, sức-khỏe")
                .contains("proposed the verdict “False”")
                .contains("approved the verdict “False”");
        assertThat(published.select("#no-actions").text()).contains("finished");
        assertThat(published.select("form")).as("only the sign-out form").hasSize(1);
        assertThat(cases.get(team.viewer(), kase.id()).state()).isEqualTo(CaseState.PUBLISHED);
    }

    @Test
    void aRefusedTransitionComesBackAsAReadableMessage() throws Exception {
        Case kase = desk.inVerification(team);
        String path = "/cases/" + kase.id();
        MvcResult refused = mvc.perform(post(path + "/verdict")
                        .param("rating", "FALSE")
                        .param("summary", "A verdict that I wrote carefully.")
                        .with(user(team.checker()))
                        .with(csrf())
                        .cookie(ENGLISH))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("refusal", containsString("at least one piece of evidence")))
                .andReturn();

        String html = page(get(path).flashAttrs(refused.getFlashMap()), team.checker(), "case-refusal");
        Document page = Jsoup.parse(html);
        assertThat(page.select("#case-refusal").text())
                .isEqualTo("A verdict needs at least one piece of evidence. Add a link, a file or a note first.");
        assertThat(page.select("#verdict-summary-input").text())
                .as("the summary is kept")
                .isEqualTo("A verdict that I wrote carefully.");
        assertThat(html).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(cases.get(team.checker(), kase.id()).state()).isEqualTo(CaseState.IN_VERIFICATION);
    }

    @Test
    void aTransitionFromTheWrongStateAndABadValueAreExplained() throws Exception {
        Case published = desk.published(team);
        mvc.perform(post("/cases/" + published.id() + "/close")
                        .param("reason", "NO_ACTION")
                        .with(user(team.editor()))
                        .with(csrf())
                        .cookie(ENGLISH))
                .andExpect(flash().attribute("refusal", "This case is “Published”: it cannot be closed now."));

        Case triaged = desk.triaged(team);
        mvc.perform(post("/cases/" + triaged.id() + "/close")
                        .param("reason", "BORED")
                        .with(user(team.editor()))
                        .with(csrf())
                        .cookie(ENGLISH))
                .andExpect(flash().attribute("refusal", containsString("“reason”")));
        mvc.perform(post("/cases/" + triaged.id() + "/triage")
                        .param("priority", "1")
                        .param("topics", "x")
                        .with(user(team.viewer()))
                        .with(csrf())
                        .cookie(ENGLISH))
                .andExpect(flash().attribute("refusal", containsString("checker role")));
        assertThat(cases.get(team.editor(), triaged.id()).state()).isEqualTo(CaseState.TRIAGED);
    }

    @Test
    void anotherUnitsCaseIsAClearForbiddenPage() throws Exception {
        Case kase = desk.newCase(team);
        String html = mvc.perform(get("/cases/" + kase.id())
                        .with(user(otherTeam.editor()))
                        .cookie(ENGLISH))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("This case belongs to another unit.").doesNotContain(kase.title());

        mvc.perform(post("/cases/" + kase.id() + "/close")
                        .param("reason", "NO_ACTION")
                        .with(user(otherTeam.editor()))
                        .with(csrf())
                        .cookie(ENGLISH))
                .andExpect(status().isForbidden());
        assertThat(cases.get(team.editor(), kase.id()).state()).isEqualTo(CaseState.NEW);

        mvc.perform(get("/cases/not-a-case").with(user(team.editor()))).andExpect(status().isBadRequest());
        mvc.perform(get("/cases/" + CaseId.random()).with(user(team.editor()))).andExpect(status().isNotFound());
    }

    @Test
    void listsTheUnitsCasesWithFilters() throws Exception {
        Case mine = desk.inVerification(team);
        Case fresh = desk.newCase(team);
        Case foreign = desk.newCase(otherTeam);

        String html = page(get("/cases"), team.checker(), "cases");
        assertThat(html).contains(mine.title()).contains(fresh.title()).doesNotContain(foreign.title());

        String filtered = page(get("/cases").param("mine", "true"), team.checker(), null);
        assertThat(filtered).contains(mine.title()).doesNotContain(fresh.title());

        String byState = page(get("/cases").param("state", "NEW"), team.checker(), null);
        assertThat(byState).contains(fresh.title()).doesNotContain(mine.title());
    }

    @Test
    void commentsAndEvidenceAnswerHtmxWithTheirPartOfThePage() throws Exception {
        Case kase = desk.inVerification(team);
        String fragment = mvc.perform(post("/cases/" + kase.id() + "/comments")
                        .header("HX-Request", "true")
                        .param("text", "Partial comment")
                        .with(user(team.checker()))
                        .with(csrf())
                        .cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Partial comment")))
                .andExpect(content().string(not(containsString("<html"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(fragment).select("#comments")).hasSize(1);

        mvc.perform(post("/cases/" + kase.id() + "/evidence/link")
                        .header("HX-Request", "true")
                        .param("url", "ftp://example.org/file")
                        .param("title", "FTP")
                        .with(user(team.checker()))
                        .with(csrf())
                        .cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be a web address")))
                .andExpect(content().string(containsString("id=\"evidence\"")));
        assertThat(cases.get(team.checker(), kase.id()).evidence()).isEmpty();
        assertThat(cases.get(team.checker(), kase.id()).comments()).hasSize(1);
    }

    @Test
    void rendersInVietnameseByDefault() throws Exception {
        Case kase = desk.inReview(team);
        String html = mvc.perform(
                        get("/cases/" + kase.id()).with(user(team.editor())).cookie(new Cookie("factdesk-lang", "vi")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        write("case-in-review-vi", html);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#case-state").text()).isEqualTo("Chờ duyệt");
        assertThat(page.select("#verdict-rating").text()).isEqualTo("Sai sự thật");
        assertThat(page.select("#approve-submit").text()).isEqualTo("Duyệt và công bố");
    }

    // --- helpers ---

    private void act(
            CurrentUser user,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String success)
            throws Exception {
        MvcResult result = mvc.perform(request.with(user(user)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(result.getFlashMap().get("refusal")).as("refusal").isNull();
        assertThat(result.getFlashMap().get("success")).isEqualTo(success);
    }

    /** A page as {@code user} sees it in English; written to target/pages when {@code name} is given. */
    private String page(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            CurrentUser user,
            String name)
            throws Exception {
        String html = mvc.perform(request.with(user(user)).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        if (name != null) {
            write(name, html);
        }
        return html;
    }

    private static void write(String name, String html) throws Exception {
        Files.createDirectories(PAGES);
        String standalone = html.replace("href=\"/css/factdesk.css\"", "href=\"../classes/static/css/factdesk.css\"");
        Files.writeString(PAGES.resolve(name + ".html"), standalone, StandardCharsets.UTF_8);
    }
}
