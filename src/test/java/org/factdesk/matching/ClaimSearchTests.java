package org.factdesk.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.testing.DeskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The claim search page and {@code GET /api/v1/claims}: the same analysis as matching, filters, paging, bad input. */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimSearchTests {

    static final Cookie ENGLISH = new Cookie("factdesk-lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    MatchingManagement matching;

    @Autowired
    JdbcClient jdbc;

    MatchingDesk desk;
    MatchingDesk.Team team;
    MatchingDesk.Team otherTeam;
    String token;

    @BeforeAll
    void setUp() {
        desk = new MatchingDesk(network, intake, cases, jdbc);
        team = desk.team("Claim search desk");
        otherTeam = desk.team("Claim search other desk");
        token = "Bearer " + desk.accounts().token(team.viewer());
    }

    @Test
    void findsAFactCheckFromAnUnaccentedTeencodeQueryAndMarksTheOverlap() throws Exception {
        String marker = MatchingDesk.marker();
        Case kase = desk.publish(team, Rating.FALSE, "Xông hơi bằng lá sả " + marker + " chữa khỏi được Covid-19");
        desk.awaitEventListeners();
        String claimId = kase.claims().get(0).id().toString();

        String html = mvc.perform(get("/matching/claims")
                        .param("q", "xong hoi la sa " + marker + " chua khoi dc covid ko mn")
                        .cookie(ENGLISH)
                        .with(user(team.viewer())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        var result = page.getElementById("claim-" + claimId);
        assertThat(result).as("the fact-check is found").isNotNull();
        assertThat(result.attr("data-rating")).isEqualTo("FALSE");
        assertThat(result.select(".rating").text()).isEqualTo("False");
        assertThat(result.select("mark").eachText()).anyMatch(marked -> marked.contains(marker));
        assertThat(result.select("mark").eachText()).anyMatch(marked -> marked.contains("Xông hơi"));
        assertThat(page.getElementById("claim-link-" + claimId).attr("href")).isEqualTo("/cases/" + kase.id());
        assertThat(result.select(".verdict-summary").text()).contains("Không có bằng chứng");
        assertThat(page.getElementById("claims-results").attr("data-ranked")).isEqualTo("true");
        assertThat(page.getElementById("nav-claims").hasClass("active")).isTrue();
        assertThat(page.getElementById("claims-q").val()).contains(marker);

        mvc.perform(get("/api/v1/claims")
                        .param("q", "XONG HOI LA SA " + marker)
                        .param("limit", "5")
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranked").value(true))
                .andExpect(jsonPath("$.truncated").value(false))
                .andExpect(jsonPath("$.claims[0].claimId").value(claimId))
                .andExpect(jsonPath("$.claims[0].rating").value("FALSE"))
                .andExpect(jsonPath("$.claims[0].factCheckUrl").value("/cases/" + kase.id()))
                .andExpect(jsonPath("$.claims[0].band").exists())
                .andExpect(jsonPath("$.claims[0].highlights").isNotEmpty());
    }

    @Test
    void aBlankQueryListsTheLatestFactChecksNewestFirstWithFilters() throws Exception {
        String marker = MatchingDesk.marker();
        Case older = desk.publish(team, Rating.SATIRE, "Older satire " + marker + " about vaccines and bluetooth");
        Case newer = desk.publish(team, Rating.SATIRE, "Newer satire " + marker + " about vaccines and magnets");
        String older1 = older.claims().get(0).id().toString();
        String newer1 = newer.claims().get(0).id().toString();

        String json = mvc.perform(get("/api/v1/claims")
                        .param("q", "   ")
                        .param("rating", "SATIRE")
                        .param("limit", "50")
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranked").value(false))
                .andExpect(jsonPath("$.claims[*].rating", everyItem(is("SATIRE"))))
                .andExpect(jsonPath("$.claims[0].score").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(json, "$.claims[*].claimId");
        assertThat(ids).contains(older1, newer1);
        assertThat(ids.indexOf(newer1)).isLessThan(ids.indexOf(older1));

        mvc.perform(get("/api/v1/claims")
                        .param("language", "vi")
                        .param("limit", "50")
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[*].language", everyItem(is("vi"))));
        mvc.perform(get("/api/v1/claims")
                        .param("rating", "SATIRE")
                        .param("limit", "1")
                        .param("page", "1")
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.limit").value(1))
                .andExpect(jsonPath("$.claims.length()").value(1));

        String html = mvc.perform(
                        get("/matching/claims").param("rating", "SATIRE").with(user(team.viewer())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.getElementById("claims-results").attr("data-ranked")).isEqualTo("false");
        assertThat(page.select("#claims-list > li").eachAttr("id"))
                .containsSubsequence("claim-" + newer1, "claim-" + older1);
        assertThat(page.select("#claims-list > li").eachAttr("data-rating")).containsOnly("SATIRE");
        assertThat(page.select("#claims-rating option[selected]").val()).isEqualTo("SATIRE");
    }

    @Test
    void showsClaimsStillBeingCheckedOnlyToTheirOwnUnit() throws Exception {
        String marker = MatchingDesk.marker();
        Case open =
                desk.open(team, "Tin đồn " + marker, "Nhận định đang kiểm chứng " + marker + " về nước muối sinh lý");
        desk.awaitEventListeners();
        String claimId = open.claims().get(0).id().toString();
        String query = "nhan dinh dang kiem chung " + marker + " nuoc muoi";

        mvc.perform(get("/matching/claims").param("q", query).with(user(team.viewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"claim-" + claimId + "\"")));
        mvc.perform(get("/matching/claims").param("q", query).with(user(otherTeam.viewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(claimId))));
        mvc.perform(get("/api/v1/claims")
                        .param("q", query)
                        .header("Authorization", "Bearer " + desk.accounts().token(otherTeam.viewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(claimId))));
    }

    @Test
    void aVeryLongQueryIsCutAndStillAnswered() throws Exception {
        String marker = MatchingDesk.marker();
        Case kase = desk.publish(team, Rating.FALSE, "Tỏi ngâm giấm " + marker + " chữa khỏi bệnh gút");
        desk.awaitEventListeners();
        String longQuery =
                ("toi ngam giam " + marker + " chua khoi benh gut ").repeat(200).substring(0, 5000);
        assertThat(longQuery).hasSize(5000);

        mvc.perform(get("/api/v1/claims").param("q", longQuery).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.truncated").value(true))
                .andExpect(jsonPath("$.claims[0].caseId").value(kase.id().toString()));
        mvc.perform(get("/matching/claims")
                        .param("q", longQuery)
                        .cookie(ENGLISH)
                        .with(user(team.viewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"claims-truncated\"")))
                .andExpect(content().string(containsString("only its first 1,000 characters")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"claim-" + kase.claims().get(0).id() + "\"")));
    }

    @Test
    void oddButHarmlessQueriesAreAnswered() throws Exception {
        // No letter or digit (control characters, no-break and zero-width spaces, a lone mark, punctuation, emoji):
        // nothing to match, so the latest fact-checks.
        for (String q : List.of("\u0000\u0007 \t", "\u00a0", "\u200b", "\u0301", "?!… 🔥🔥")) {
            mvc.perform(get("/api/v1/claims").param("q", q).header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ranked").value(false));
        }
        // Handles alone: matched, without a vector (the model refuses a blank text), no error.
        mvc.perform(get("/api/v1/claims").param("q", "@WHO @CDCgov").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranked").value(true));
        mvc.perform(get("/matching/claims")
                        .param("q", "<script>alert(1)</script>")
                        .with(user(team.viewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/matching/claims").param("page", "-3").with(user(team.viewer())))
                .andExpect(status().isOk());
    }

    @Test
    void refusesBadParametersWithProblemDetails() throws Exception {
        for (String[] bad : List.of(
                new String[] {"limit", "0"},
                new String[] {"limit", "51"},
                new String[] {"limit", "many"},
                new String[] {"page", "-1"},
                new String[] {"page", "10001"},
                new String[] {"rating", "WRONG"},
                new String[] {"language", "xx"})) {
            mvc.perform(get("/api/v1/claims")
                            .param("q", "vaccine")
                            .param(bad[0], bad[1])
                            .header("Authorization", token)
                            .header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Bad request"))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        mvc.perform(get("/api/v1/claims").param("q", "vaccine")).andExpect(status().isUnauthorized());
        mvc.perform(get("/matching/claims")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSearchIsInTheNavigationForEverySignedInUser() throws Exception {
        mvc.perform(get("/items").with(user(team.viewer())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/matching/claims\"")));
    }
}
