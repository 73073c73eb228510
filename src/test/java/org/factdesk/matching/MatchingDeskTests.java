package org.factdesk.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CloseReason;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.matching.engine.Band;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Matching in the desk: the index follows the cases, items are matched on arrival, checkers decide. */
@DeskTest
class MatchingDeskTests {

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

    CurrentUser checker;
    CurrentUser editor;
    CurrentUser viewer;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        Unit unit = accounts.unit("Matching desk");
        checker = accounts.user(Role.CHECKER, unit.id());
        editor = accounts.user(Role.EDITOR, unit.id());
        viewer = accounts.user(Role.VIEWER, unit.id());
        marker = org.factdesk.testing.OwnText.marker();
    }

    /** Publishes a fact-check of {@code claim} through the real workflow. */
    private Case publish(String claim, Rating rating) {
        Item item = intake.submit(checker, SubmitItem.of(null, claim + " chia sẻ ngay " + marker, Platform.FACEBOOK))
                .item();
        Case kase =
                cases.open(checker, new OpenCase(null, claim, List.of(new NewClaim(claim, null)), List.of(item.id())));
        cases.triage(checker, kase.id(), 1, List.of("covid-19"));
        cases.assign(checker, kase.id(), checker.id());
        cases.addEvidence(
                checker,
                kase.id(),
                new NewEvidence.Link("https://www.who.int/news-room/myth-busters", "WHO myth busters", null));
        cases.proposeVerdict(checker, kase.id(), rating, "Không có bằng chứng nào cho thấy điều này.");
        return cases.approve(editor, kase.id());
    }

    private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }

    @Test
    void findsAPublishedFactCheckFromAnUnaccentedTeencodeParaphrase() throws Exception {
        Case kase = publish("Uống nước chanh nóng " + marker + " diệt được virus corona", Rating.FALSE);
        MatchReport report = eventually(
                () -> matching.match("uong nuoc chanh nong " + marker + " la diet dc virus corona do mn", 5),
                found -> found.matches().stream().anyMatch(m -> m.caseId().equals(kase.id()) && m.published()));
        DeskMatch match = report.matches().stream()
                .filter(m -> m.caseId().equals(kase.id()))
                .findFirst()
                .orElseThrow();
        assertThat(match.rating()).isEqualTo(Rating.FALSE);
        assertThat(match.factCheckUrl()).isEqualTo("/cases/" + kase.id());
        assertThat(match.score()).isBetween(0.0, 1.0);
        assertThat(match.band()).isNotEqualTo(Band.NONE);
        assertThat(match.highlights()).isNotEmpty();
        assertThat(match.language()).isEqualTo(Language.VI);
    }

    @Test
    void matchesANewItemOnArrivalAndKeepsTheCheckersDecision() throws Exception {
        Case kase = publish("Xông hơi bằng sả gừng " + marker + " chữa khỏi Covid-19", Rating.FALSE);
        eventually(
                () -> matching.match("xong hoi sa gung " + marker, 5).matches(),
                found -> found.stream().anyMatch(m -> m.caseId().equals(kase.id()) && m.published()));
        Item repeat = intake.submit(
                        checker,
                        SubmitItem.of(
                                null,
                                "Mọi người ơi xông hơi sả gừng " + marker
                                        + " là chữa khỏi covid 19 luôn nha, khỏi đi viện",
                                Platform.ZALO))
                .item();
        List<ItemMatch> stored = eventually(
                () -> matching.matchesOf(repeat.id()),
                found -> found.stream().anyMatch(m -> m.match().caseId().equals(kase.id())));
        ItemMatch match = stored.stream()
                .filter(m -> m.match().caseId().equals(kase.id()))
                .findFirst()
                .orElseThrow();
        assertThat(match.decision()).isIn(MatchDecision.AUTO_LINKED, MatchDecision.PENDING);

        String token = new TestAccounts(network).token(checker);
        mvc.perform(get("/api/v1/items/" + repeat.id() + "/matches").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].match.rating").value("FALSE"));
        mvc.perform(post("/api/v1/items/" + repeat.id() + "/matches/"
                                + match.match().claimId())
                        .header("Authorization", "Bearer " + new TestAccounts(network).token(viewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"confirmed\": true}"))
                .andExpect(status().isForbidden());
        // A decision that does not say which is refused with the field named, and changes nothing.
        mvc.perform(post("/api/v1/items/" + repeat.id() + "/matches/"
                                + match.match().claimId())
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("confirmed"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Say whether the match is confirmed: \"confirmed\": true or false."));
        // 1 is not true: a number where a boolean is expected is refused too.
        mvc.perform(post("/api/v1/items/" + repeat.id() + "/matches/"
                                + match.match().claimId())
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"confirmed\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("confirmed"));
        mvc.perform(post("/matching/items/" + repeat.id() + "/decisions")
                        .with(user(checker))
                        .with(csrf())
                        .param("claim", match.match().claimId().toString())
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(matching.matchesOf(repeat.id()))
                .filteredOn(m -> m.match().caseId().equals(kase.id()))
                .singleElement()
                .satisfies(decided -> {
                    assertThat(decided.decision()).isEqualTo(MatchDecision.CONFIRMED);
                    assertThat(decided.decidedBy()).isEqualTo(checker.id());
                });
        mvc.perform(get("/matching/items/" + repeat.id()).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"item-matches\"")));
    }

    @Test
    void aClosedCaseLeavesTheIndex() throws Exception {
        Item item = intake.submit(
                        checker, SubmitItem.of(null, "Tỏi ngâm rượu " + marker + " chữa tiểu đường", Platform.X))
                .item();
        Case kase = cases.open(
                checker,
                new OpenCase(
                        null,
                        "Tỏi ngâm rượu",
                        List.of(new NewClaim("Tỏi ngâm rượu " + marker + " chữa khỏi tiểu đường", null)),
                        List.of(item.id())));
        eventually(
                () -> matching.match("toi ngam ruou " + marker, 5).matches(),
                found -> found.stream().anyMatch(m -> m.caseId().equals(kase.id())));
        cases.close(editor, kase.id(), CloseReason.OUT_OF_SCOPE, null);
        List<DeskMatch> after = eventually(
                () -> matching.match("toi ngam ruou " + marker, 5).matches(),
                found -> found.stream().noneMatch(m -> m.caseId().equals(kase.id())));
        assertThat(after).noneMatch(m -> m.caseId().equals(kase.id()));
    }

    @Test
    void answersTheMatchApiAndRefusesBadInput() throws Exception {
        Case kase = publish("Vaccines " + marker + " contain microchips to track people", Rating.FALSE);
        String token = new TestAccounts(network).token(viewer);
        eventually(
                () -> matching.match("microchips " + marker, 5).matches(),
                found -> found.stream().anyMatch(m -> m.caseId().equals(kase.id()) && m.published()));
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text": "BREAKING: the vaccines %s contain microchips that track people!!", "limit": 3}
                                """.formatted(marker)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.truncated").value(false))
                .andExpect(jsonPath("$.matches[0].caseId").value(kase.id().toString()))
                .andExpect(jsonPath("$.matches[0].rating").value("FALSE"))
                .andExpect(jsonPath("$.matches[0].highlights").isArray());
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"x\", \"limit\": 0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"microchips %s \\u0000\\u0007 %s\"}"
                                .formatted(marker, "vaccine ".repeat(2000))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.truncated").value(true));
        mvc.perform(post("/api/v1/match")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"x\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aClaimStillBeingCheckedIsMatchedOnlyForItsOwnUnit() throws Exception {
        String claim = "Uống nước đá " + marker + " sau bữa ăn làm mỡ đông lại trong dạ dày gây ung thư";
        Item item = intake.submit(checker, SubmitItem.of(null, claim, Platform.FACEBOOK))
                .item();
        Case kase =
                cases.open(checker, new OpenCase(null, claim, List.of(new NewClaim(claim, null)), List.of(item.id())));
        eventually(
                () -> matching.match(claim, 5).matches(),
                found -> found.stream().anyMatch(m -> m.caseId().equals(kase.id())));
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser outsider =
                accounts.user(Role.EDITOR, accounts.unit("Another desk").id());

        assertThat(matching.match(checker, claim, 5).matches())
                .extracting(DeskMatch::caseId)
                .contains(kase.id());
        assertThat(matching.match(outsider, claim, 5).matches())
                .extracting(DeskMatch::caseId)
                .doesNotContain(kase.id());
        String request = "{\"text\": \"%s\"}".formatted(claim);
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", "Bearer " + accounts.token(checker))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].caseId").value(kase.id().toString()));
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", "Bearer " + accounts.token(outsider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[?(@.caseId == '%s')]".formatted(kase.id()))
                        .isEmpty());
        mvc.perform(post("/matching/check").with(user(outsider)).with(csrf()).param("text", claim))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("/cases/" + kase.id()))));

        // Wordless texts: spaces that isBlank does not know, a lone mark, handles and links alone.
        for (String text : List.of("\\u00a0", "\\u200b", "\\u0301")) {
            mvc.perform(post("/api/v1/match")
                            .header("Authorization", "Bearer " + accounts.token(checker))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": \"" + text + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        for (String text : List.of("@WHO @CDCgov", "pic.twitter.com/abc", "https://t.co/abc @a")) {
            mvc.perform(post("/api/v1/match")
                            .header("Authorization", "Bearer " + accounts.token(checker))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": \"" + text + "\"}"))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theCheckPageHighlightsTheOverlap() throws Exception {
        publish("Ăn tỏi sống " + marker + " phòng được Covid-19", Rating.FALSE);
        eventually(() -> matching.match("an toi song " + marker, 5).matches(), found -> !found.isEmpty());
        mvc.perform(post("/matching/check")
                        .with(user(viewer))
                        .with(csrf())
                        .param("text", "an toi song " + marker + " phong covid nhe ca nha"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>")))
                .andExpect(content().string(containsString("check-results")));
        mvc.perform(post("/matching/check").with(user(viewer)).with(csrf()).param("text", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("flash error")));
    }
}
