package org.factdesk.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.CaseId;
import org.factdesk.testing.DeskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The "Already checked" panel of the case page, served by matching at {@code /matching/cases/{id}}: the published
 * fact-checks a case repeats, its items' matches with one-click decisions, and the case page's access rules.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseMatchesTests {

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

    @BeforeAll
    void setUp() {
        desk = new MatchingDesk(network, intake, cases, jdbc);
        team = desk.team("Case matches desk");
        otherTeam = desk.team("Case matches other desk");
    }

    /** A published fact-check, then a re-post of it that a checker opens a new case on before noticing. */
    private record Repeat(Case factCheck, Item repost, Case kase) {}

    private Repeat repeat(String marker) {
        Case factCheck = desk.publish(
                team, Rating.FALSE, "Uống nước lá ổi " + marker + " chữa khỏi bệnh tiểu đường type 2 chỉ sau một tuần");
        desk.awaitEventListeners();
        Item repost = desk.item(
                team.checker(),
                "Cả nhà ơi uống nước lá ổi " + marker + " mỗi ngày là chữa khỏi tiểu đường type 2 sau một tuần luôn,"
                        + " khỏi cần thuốc tây nha");
        List<ItemMatch> stored = MatchingDesk.eventually(
                () -> matching.matchesOf(repost.id()),
                found -> found.stream().anyMatch(m -> m.match().caseId().equals(factCheck.id())));
        assertThat(stored).as("the re-post was matched on arrival").isNotEmpty();
        Case kase = cases.open(
                team.checker(),
                new OpenCase(
                        team.unit().id(),
                        "Lá ổi " + marker,
                        List.of(new NewClaim("Nước lá ổi " + marker + " chữa khỏi tiểu đường type 2", null)),
                        List.of(repost.id())));
        desk.awaitEventListeners();
        return new Repeat(factCheck, repost, kase);
    }

    private Document panel(CaseId id, CurrentUser user) throws Exception {
        String html = mvc.perform(get("/matching/cases/" + id)
                        .header("HX-Request", "true")
                        .cookie(ENGLISH)
                        .with(user(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void showsThePublishedFactCheckACaseRepeatsAndItsItemsMatches() throws Exception {
        Repeat repeat = repeat(MatchingDesk.marker());
        String factCheckClaim = repeat.factCheck().claims().get(0).id().toString();

        Document panel = panel(repeat.kase().id(), team.viewer());
        assertThat(panel.select("#case-matches")).hasSize(1);
        assertThat(panel.select("html > body > section"))
                .as("a fragment, not a page")
                .isEmpty();
        Element found = panel.getElementById("repeat-" + factCheckClaim);
        assertThat(found).as("the published fact-check is listed").isNotNull();
        assertThat(found.select(".rating").text()).isEqualTo("False");
        assertThat(found.text()).contains("found from the case's claim").contains("matched with 1 of its items");
        assertThat(panel.getElementById("repeat-link-" + factCheckClaim).attr("href"))
                .isEqualTo("/cases/" + repeat.factCheck().id());
        assertThat(panel.getElementById(
                        "repeat-" + repeat.kase().claims().get(0).id()))
                .as("the case's own claim is not a repeat of itself")
                .isNull();
        Element item =
                panel.getElementById("case-item-matches-" + repeat.repost().id());
        assertThat(item).isNotNull();
        assertThat(item.select("[data-decision]").eachAttr("data-decision")).isNotEmpty();
        assertThat(panel.select("button[id^=reject-]"))
                .as("a viewer cannot decide")
                .isEmpty();

        Document checkerPanel = panel(repeat.kase().id(), team.checker());
        assertThat(checkerPanel.getElementById("reject-" + repeat.repost().id() + "-" + factCheckClaim))
                .isNotNull();
    }

    @Test
    void theCasePageLoadsThePanelOverHtmxWithALinkForBrowsersWithoutIt() throws Exception {
        Repeat repeat = repeat(MatchingDesk.marker());
        String html = mvc.perform(get("/cases/" + repeat.kase().id()).with(user(team.viewer())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Element loader = Jsoup.parse(html).getElementById("case-matches");
        assertThat(loader).isNotNull();
        assertThat(loader.attr("hx-get"))
                .isEqualTo("/matching/cases/" + repeat.kase().id());
        assertThat(loader.attr("hx-trigger")).isEqualTo("load");
        assertThat(loader.getElementById("case-matches-link").attr("href"))
                .isEqualTo("/matching/cases/" + repeat.kase().id());

        String page = mvc.perform(get("/matching/cases/" + repeat.kase().id())
                        .cookie(ENGLISH)
                        .with(user(team.viewer())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document full = Jsoup.parse(page);
        assertThat(full.getElementById("case-matches-case").text())
                .isEqualTo(repeat.kase().title());
        assertThat(full.getElementById("case-matches-back").attr("href"))
                .isEqualTo("/cases/" + repeat.kase().id());
        assertThat(full.getElementById(
                        "repeat-" + repeat.factCheck().claims().get(0).id()))
                .isNotNull();
        assertThat(full.select("nav.nav")).as("a page with the layout").isNotEmpty();
    }

    @Test
    void aCheckerRejectsAndConfirmsFromTheCasePanel() throws Exception {
        Repeat repeat = repeat(MatchingDesk.marker());
        String claim = repeat.factCheck().claims().get(0).id().toString();

        String html = mvc.perform(post("/matching/items/" + repeat.repost().id() + "/decisions")
                        .header("HX-Request", "true")
                        .param("claim", claim)
                        .param("confirmed", "false")
                        .param("case", repeat.kase().id().toString())
                        .with(csrf())
                        .with(user(team.checker())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document panel = Jsoup.parse(html);
        assertThat(panel.select("#case-matches")).hasSize(1);
        Element item =
                panel.getElementById("case-item-matches-" + repeat.repost().id());
        assertThat(item.select("[data-decision=REJECTED]")).hasSize(1);
        Element repeated = panel.getElementById("repeat-" + claim);
        assertThat(repeated).as("still found from the claim").isNotNull();
        assertThat(repeated.text()).as("no longer from the rejected item match").doesNotContain("of its items");
        assertThat(matching.matchesOf(repeat.repost().id()))
                .filteredOn(m -> m.match().claimId().toString().equals(claim))
                .singleElement()
                .satisfies(m -> assertThat(m.decision()).isEqualTo(MatchDecision.REJECTED));

        mvc.perform(post("/matching/items/" + repeat.repost().id() + "/decisions")
                        .param("claim", claim)
                        .param("confirmed", "true")
                        .param("case", repeat.kase().id().toString())
                        .with(csrf())
                        .with(user(team.checker())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/cases/" + repeat.kase().id()));
        assertThat(matching.matchesOf(repeat.repost().id()))
                .filteredOn(m -> m.match().claimId().toString().equals(claim))
                .singleElement()
                .satisfies(m -> assertThat(m.decision()).isEqualTo(MatchDecision.CONFIRMED));

        mvc.perform(post("/matching/items/" + repeat.repost().id() + "/decisions")
                        .header("HX-Request", "true")
                        .param("claim", claim)
                        .param("confirmed", "false")
                        .param("case", repeat.kase().id().toString())
                        .with(csrf())
                        .with(user(team.viewer())))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFactCheckOutrankedOnlyByTheCasesOwnClaimCountsAsTheSameClaim() {
        String marker = MatchingDesk.marker();
        String claim = "Uống nước lá ổi " + marker + " mỗi sáng chữa khỏi hẳn bệnh tiểu đường type 2 chỉ sau một tuần";
        Case factCheck = desk.publish(team, Rating.FALSE, claim);
        Case kase = desk.open(team, "Lá ổi " + marker, claim + " ngay tại nhà");
        desk.awaitEventListeners();

        CaseMatches found = matching.caseMatches(team.checker(), kase.id());

        assertThat(found.repeats())
                .filteredOn(repeat -> repeat.factCheck().caseId().equals(factCheck.id()))
                .singleElement()
                .satisfies(repeat -> {
                    assertThat(repeat.factCheck().band()).isEqualTo(org.factdesk.matching.engine.Band.AUTO);
                    assertThat(repeat.byClaim()).isTrue();
                });
    }

    @Test
    void followsTheCasePagesAccessRules() throws Exception {
        String marker = MatchingDesk.marker();
        Case open = desk.open(team, "Tin đồn " + marker, "Một nhận định đang kiểm chứng " + marker);
        Case published = desk.publish(team, Rating.MISLEADING, "Một nhận định đã công bố " + marker);

        mvc.perform(get("/matching/cases/" + CaseId.random()).with(user(team.viewer())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/matching/cases/not-a-case").with(user(team.viewer()))).andExpect(status().isBadRequest());
        mvc.perform(get("/cases/" + open.id()).with(user(otherTeam.viewer()))).andExpect(status().isForbidden());
        mvc.perform(get("/matching/cases/" + open.id())
                        .header("HX-Request", "true")
                        .with(user(otherTeam.viewer())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(marker))));
        // A published case is readable across the network, its panel too; deciding stays with the item's unit.
        Document panel = panel(published.id(), otherTeam.checker());
        assertThat(panel.select("button")).isEmpty();
        assertThat(panel.getElementById("repeat-" + published.claims().get(0).id()))
                .as("its own claim is left out")
                .isNull();
        mvc.perform(get("/matching/cases/" + open.id())).andExpect(status().is3xxRedirection());
    }
}
