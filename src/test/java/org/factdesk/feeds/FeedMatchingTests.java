package org.factdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.feeds.FeedServer.Answer;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.matching.ItemMatch;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An entry of a feed that repeats a claim already checked is matched like any other item. */
@DeskTest
class FeedMatchingTests {

    @Autowired
    NetworkManagement network;

    @Autowired
    FeedManagement feeds;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    MatchingManagement matching;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEntryRepeatingAPublishedClaimIsMatched() throws Exception {
        TestAccounts accounts = new TestAccounts(network);
        Unit unit = accounts.unit("Feed matching desk");
        CurrentUser admin = accounts.user(Role.ADMIN, unit.id());
        CurrentUser checker = accounts.user(Role.CHECKER, unit.id());
        CurrentUser editor = accounts.user(Role.EDITOR, unit.id());
        String marker = FeedsDesk.marker();
        String claim = "Xông hơi bằng lá sả " + marker + " chữa khỏi bệnh cúm";

        Item first = intake.submit(checker, SubmitItem.of(null, claim + " chia sẻ ngay", Platform.FACEBOOK))
                .item();
        Case kase = cases.open(
                checker, new OpenCase(unit.id(), claim, List.of(new NewClaim(claim, null)), List.of(first.id())));
        cases.triage(checker, kase.id(), 1, List.of("health"));
        cases.assign(checker, kase.id(), checker.id());
        cases.addEvidence(
                checker,
                kase.id(),
                new NewEvidence.Link("https://www.who.int/news-room/myth-busters", "WHO myth busters", null));
        cases.proposeVerdict(checker, kase.id(), Rating.FALSE, "Không có bằng chứng nào cho thấy điều này.");
        cases.approve(editor, kase.id());
        FeedsDesk.eventually(
                () -> matching.match("xong hoi la sa " + marker, 5).matches(),
                found -> found.stream().anyMatch(m -> m.caseId().equals(kase.id()) && m.published()));

        try (FeedServer server = new FeedServer()) {
            server.serve(
                    "/news.rss",
                    Answer.rss(FeedDocuments.rss(
                            "Tin địa phương",
                            List.of(new FeedDocuments.Entry(
                                    "tin-" + marker,
                                    "https://news.example.vn/" + marker,
                                    "Người dân truyền tai nhau mẹo xông hơi",
                                    "<p>Nhiều người tin rằng <b>xông hơi bằng lá sả " + marker
                                            + "</b> chữa khỏi bệnh cúm chỉ sau một đêm.</p>",
                                    null)))));
            Feed feed = feeds.subscribe(admin, new SubscribeFeed(unit.id(), server.url("/news.rss"), null, null));
            FeedsDesk desk = new FeedsDesk(feeds, intake, jdbc);
            assertThat(desk.firstPoll(admin, feed.id()).health()).isEqualTo(FeedHealth.OK);
            Item entry = desk.items(feed.id()).get(0);

            List<ItemMatch> matches = FeedsDesk.eventually(
                    () -> matching.matchesOf(entry.id()),
                    found -> found.stream().anyMatch(m -> m.match().caseId().equals(kase.id())));
            assertThat(matches).anySatisfy(m -> assertThat(m.match().caseId()).isEqualTo(kase.id()));
        }
    }
}
