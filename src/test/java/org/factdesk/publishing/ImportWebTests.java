package org.factdesk.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The import over HTTP: the API (JSON, JSONL, multipart, problems) and the desk page. */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    ClaimReviewImports imports;

    CurrentUser editor;
    CurrentUser checker;
    String editorToken;

    @BeforeAll
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        Unit unit = accounts.unit("Import desk");
        editor = accounts.user(Role.EDITOR, unit.id());
        checker = accounts.user(Role.CHECKER, unit.id());
        editorToken = accounts.token(editor);
    }

    static String marker() {
        return "w" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String review(String marker, String rating) {
        return ("{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\","
                        + " \"url\": \"https://www.snopes.com/fact-check/%s/\", \"claimReviewed\": \"Garlic cures Covid %s\","
                        + " \"author\": {\"@type\": \"Organization\", \"name\": \"Snopes\"},"
                        + " \"reviewRating\": {\"@type\": \"Rating\", \"alternateName\": \"%s\"}}")
                .formatted(marker, marker, rating);
    }

    @Test
    void importsAJsonBodyAndAnswersTheReport() throws Exception {
        String a = marker();
        String b = marker();
        mvc.perform(post("/api/v1/fact-checks/imports")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorToken)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + review(a, "False") + ", " + review(b, "Totally bogus") + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("ARRAY"))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.refusedCount").value(1))
                .andExpect(jsonPath("$.refused[0].position").value("[1]"))
                .andExpect(jsonPath("$.refused[0].code").value("publishing.import.refused.unknown-rating"))
                .andExpect(
                        jsonPath("$.refused[0].reason").value(org.hamcrest.Matchers.containsString("Totally bogus")));
        assertThat(imports.externalFactChecks())
                .anySatisfy(external ->
                        assertThat(external.url()).isEqualTo("https://www.snopes.com/fact-check/" + a + "/"));
    }

    @Test
    void importsAJsonLinesFileFromAMultipartForm() throws Exception {
        String a = marker();
        String b = marker();
        byte[] dump = (review(a, "Sai sự thật") + "\n{broken\n" + review(b, "Satire") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/fact-checks/imports")
                        .file(new MockMultipartFile("file", "dump.jsonl", "application/x-ndjson", dump))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("JSONL"))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.refused[0].position").value("2"))
                .andExpect(jsonPath("$.refused[0].code").value("publishing.import.refused.unreadable-json"));
    }

    @Test
    void answersProblemDetailsForAnUnreadableOrEmptyBodyAndRefusesACheckerImport() throws Exception {
        mvc.perform(post("/api/v1/fact-checks/imports")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorToken)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"@type\": \"ClaimReview\", "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("publishing.import.refused.unreadable-json"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Not readable JSON")));
        mvc.perform(post("/api/v1/fact-checks/imports")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("   "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("publishing.import.error.empty"));
        mvc.perform(post("/api/v1/fact-checks/imports")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorToken)
                        .contentType("text/uri-list")
                        .content("# nothing\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("publishing.import.error.no-urls"));
        String marker = marker();
        mvc.perform(post("/api/v1/fact-checks/imports")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + new TestAccounts(network).token(checker))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(review(marker, "False")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(imports.externalFactChecks())
                .noneSatisfy(external -> assertThat(external.claim()).contains(marker));
    }

    @Test
    void theDeskPageImportsPastedJsonAndShowsTheReportAndTheExternalFactChecks() throws Exception {
        String a = marker();
        String missing = marker();
        String pasted = review(a, "Bịa đặt") + "\n"
                + review(missing, "False")
                        .replace("\"author\": {\"@type\": \"Organization\", \"name\": \"Snopes\"},", "");
        var result = mvc.perform(post("/publishing/imports")
                        .param("json", pasted)
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/publishing/imports"))
                .andExpect(flash().attributeExists("report"))
                .andReturn();
        String html = mvc.perform(get("/publishing/imports")
                        .with(user(editor))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                        .flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#import-summary").text()).isEqualTo("Đã nhập 1, cập nhật 0, không đổi 0, từ chối 1.");
        assertThat(page.select("#import-refusals tbody tr").text())
                .contains("2")
                .contains("author");
        assertThat(page.select("#import-refusals th").first().text()).isEqualTo("Dòng");
        assertThat(page.select("tr.external-fact-check").text())
                .contains("Garlic cures Covid " + a)
                .contains("Bên ngoài")
                .contains("Snopes")
                .contains("“Bịa đặt”");
    }

    @Test
    void theDeskPageShowsARefusedInputWithTheTextAsSentAndIsClosedToCheckers() throws Exception {
        String html = mvc.perform(post("/publishing/imports")
                        .param("json", "[{\"oops\"")
                        .with(user(editor))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#import-refusal").text()).startsWith("Not readable JSON");
        assertThat(page.select("#import-json").text()).isEqualTo("[{\"oops\"");

        mvc.perform(post("/publishing/imports/urls")
                        .param("urls", "ftp://example.org/x")
                        .with(user(editor))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("report"));
        mvc.perform(get("/publishing/imports").with(user(checker))).andExpect(status().isForbidden());
        mvc.perform(post("/publishing/imports")
                        .param("json", review(marker(), "False"))
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
