package org.factdesk.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.Claim;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.ItemId;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.QueryStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The stored matches of items are read in a constant number of queries, however many items and matches: no query per
 * match (counted with H2's query statistics, so on H2 only).
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchQueryCountTests {

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
    QueryStatistics statistics;

    @BeforeAll
    void setUp() {
        assumeTrue(QueryStatistics.available(), "query statistics are H2's");
        desk = new MatchingDesk(network, intake, cases, jdbc);
        team = desk.team("Query count desk");
        statistics = new QueryStatistics(jdbc);
    }

    /** Three fact-checks (one case each, so that a query per case would show) and items matched with all three. */
    private List<Item> itemsMatchedWithThreeFactChecks(int items) {
        String marker = MatchingDesk.marker();
        List<Case> factChecks = List.of(
                desk.publish(team, Rating.FALSE, "Lá tía tô " + marker + " chữa khỏi sốt xuất huyết"),
                desk.publish(team, Rating.FALSE, "Nước dừa " + marker + " giải độc gan trong ba ngày"),
                desk.publish(team, Rating.MISLEADING, "Chanh muối " + marker + " chữa khỏi ho lâu năm"));
        List<Item> stored = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            stored.add(desk.item(team.checker(), "Bài đăng số " + i + " không liên quan " + MatchingDesk.marker()));
        }
        desk.awaitEventListeners();
        for (Item item : stored) {
            for (Case factCheck : factChecks) {
                Claim claim = factCheck.claims().get(0);
                jdbc.sql("""
                                insert into matching_item_match
                                    (item_id, claim_id, case_id, score, band, decision, matched_at)
                                values (:item, :claim, :caseId, 0.5, 'SUGGEST', 'PENDING', current_timestamp)
                                """)
                        .param("item", item.id().value())
                        .param("claim", claim.id().value())
                        .param("caseId", factCheck.id().value())
                        .update();
            }
        }
        return stored;
    }

    @Test
    void readsTheMatchesOfAnItemInTwoQueries() throws Exception {
        Item item = itemsMatchedWithThreeFactChecks(1).get(0);

        statistics.start();
        List<ItemMatch> matches = matching.matchesOf(item.id());
        QueryStatistics.Counts counts = statistics.stop();

        assertThat(matches)
                .hasSize(3)
                .allSatisfy(match -> assertThat(match.match().published()).isTrue());
        assertThat(counts.of("matching_item_match")).as(counts.toString()).isEqualTo(1);
        assertThat(counts.of("cases_claim")).as(counts.toString()).isEqualTo(1);

        statistics.start();
        mvc.perform(get("/matching/items/" + item.id()).with(user(team.viewer())))
                .andExpect(status().isOk());
        counts = statistics.stop();
        assertThat(counts.of("cases_claim")).as(counts.toString()).isEqualTo(1);
    }

    @Test
    void readsTheMatchesOfManyItemsInTwoQueries() {
        List<Item> items = itemsMatchedWithThreeFactChecks(4);

        statistics.start();
        Map<ItemId, List<ItemMatch>> matches =
                matching.matchesOf(items.stream().map(Item::id).toList());
        QueryStatistics.Counts counts = statistics.stop();

        assertThat(matches)
                .hasSize(4)
                .allSatisfy((id, found) -> assertThat(found).hasSize(3));
        assertThat(counts.of("matching_item_match")).as(counts.toString()).isEqualTo(1);
        assertThat(counts.of("cases_claim")).as(counts.toString()).isEqualTo(1);
    }

    @Test
    void theCasePanelReadsAllItemsMatchesAtOnce() {
        List<Item> items = itemsMatchedWithThreeFactChecks(3);
        Case kase = cases.open(
                team.checker(),
                new OpenCase(
                        team.unit().id(),
                        "Ba tin " + MatchingDesk.marker(),
                        List.of(new NewClaim("Một nhận định khác hẳn " + MatchingDesk.marker(), null)),
                        items.stream().map(Item::id).toList()));
        desk.awaitEventListeners();

        statistics.start();
        CaseMatches found = matching.caseMatches(team.viewer(), kase.id());
        QueryStatistics.Counts counts = statistics.stop();

        assertThat(found.items())
                .hasSize(3)
                .allSatisfy(item -> assertThat(item.matches()).hasSize(3));
        assertThat(found.repeats())
                .hasSize(3)
                .allSatisfy(repeat -> assertThat(repeat.byItems()).isEqualTo(3));
        assertThat(counts.of("matching_item_match")).as(counts.toString()).isEqualTo(1);
        assertThat(counts.of("from intake_item")).as(counts.toString()).isEqualTo(1);
    }
}
