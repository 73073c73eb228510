package org.factdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CaseQuery;
import org.factdesk.cases.CaseState;
import org.factdesk.cases.CaseSummary;
import org.factdesk.intake.InboxRow;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.ItemQuery;
import org.factdesk.matching.CaseMatches;
import org.factdesk.matching.ClaimQuery;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** {@code --demo} on an empty installation builds the sample desk through the real workflow. */
@SpringBootTest(args = "--demo", properties = "factdesk.demo.password=demo-password-for-tests")
@DirtiesContext
class DemoDeskTests {

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    MatchingManagement matching;

    @Autowired
    DemoDesk demo;

    @Autowired
    org.factdesk.publishing.PublishingManagement publishing;

    @Autowired
    org.factdesk.publishing.ClaimReviewImports claimReviews;

    @Autowired
    org.factdesk.platformreports.PlatformReportManagement platformReports;

    @Test
    void importsTheSampleExternalFactChecksEveryOneOfThem() {
        var externals = claimReviews.externalFactChecks();
        assertThat(externals).hasSizeGreaterThanOrEqualTo(30);
        assertThat(externals).extracting(external -> external.language().code()).contains("vi", "en");
        assertThat(externals)
                .extracting(org.factdesk.publishing.ExternalFactCheck::organisation)
                .contains("AFP Fact Check", "Trung tâm Xử lý tin giả Việt Nam", "Báo Tuổi Trẻ");
        // Texts outside the mapping table were mapped from their numbers.
        assertThat(externals)
                .filteredOn(external -> "Four Pinocchios".equals(external.ratingText()))
                .singleElement()
                .extracting(org.factdesk.publishing.ExternalFactCheck::rating)
                .isEqualTo(org.factdesk.cases.Rating.FALSE);
    }

    @Test
    void publishesFactChecksOfThePublishedCasesWithCorrectionsAndAWithdrawal() {
        var published = publishing.allPublished();
        assertThat(published).hasSize(DemoDesk.PUBLISHED - 1);
        assertThat(published).extracting(summary -> summary.language().code()).contains("vi", "en");
        CurrentUser admin = network.authenticate("admin@demo.factdesk.vn", "demo-password-for-tests", "test");
        var all = publishing.ofMyUnits(admin, 100);
        assertThat(all).hasSize(DemoDesk.PUBLISHED);
        assertThat(all)
                .filteredOn(summary -> summary.state() == org.factdesk.publishing.FactCheckState.WITHDRAWN)
                .hasSize(1);
        long corrected = all.stream()
                .map(summary -> publishing.get(admin, summary.id()))
                .filter(factCheck -> !factCheck.corrections().isEmpty())
                .count();
        assertThat(corrected).isEqualTo(2);
    }

    @Test
    void reportsPostsRepeatingPublishedFactChecksToPlatformsWithTheirOutcomes() {
        var reports = platformReports
                .find(org.factdesk.platformreports.ReportQuery.ALL, 0, 50)
                .content();
        assertThat(reports).hasSizeGreaterThanOrEqualTo(4);
        assertThat(reports)
                .extracting(org.factdesk.platformreports.ReportSummary::status)
                .contains(
                        org.factdesk.platformreports.ReportStatus.ACTIONED,
                        org.factdesk.platformreports.ReportStatus.REJECTED);
        assertThat(reports.stream()
                        .map(org.factdesk.platformreports.ReportSummary::platform)
                        .distinct())
                .as("a post of each platform first")
                .hasSizeGreaterThanOrEqualTo(3);
        var figures = platformReports.figures(org.factdesk.platformreports.ReportQuery.ALL);
        assertThat(figures)
                .anySatisfy(figure -> assertThat(figure.medianDaysToOutcome()).isNotNull());
        CurrentUser editor = network.authenticate("editor@demo.factdesk.vn", "demo-password-for-tests", "test");
        for (var summary : reports) {
            var report = platformReports.get(summary.id());
            assertThat(report.factCheckUrl())
                    .as("each cites the fact-check it is about")
                    .isNotBlank();
            assertThat(platformReports.factCheckFor(editor, summary.item())).isPresent();
        }
    }

    @Test
    void loadsUnitsUsersInEveryRoleItemsAndCasesInEveryState() {
        assertThat(network.units()).hasSizeGreaterThanOrEqualTo(2);
        Set<Role> roles = network.users().stream()
                .flatMap(user -> user.roles().values().stream())
                .collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        CurrentUser editor = network.authenticate("editor@demo.factdesk.vn", "demo-password-for-tests", "test");
        assertThat(editor.hasRole(editor.units().iterator().next(), Role.EDITOR))
                .isTrue();

        assertThat(intake.search(ItemQuery.ALL, 0, 1).total()).isGreaterThanOrEqualTo(40);
        assertThat(intake.search(new ItemQuery(null, null, null, Language.EN, null), 0, 1)
                        .total())
                .isPositive();
        assertThat(intake.search(new ItemQuery("XONG sa gung", null, null, null, null), 0, 1)
                        .total())
                .isPositive();

        CurrentUser admin = network.authenticate("admin@demo.factdesk.vn", "demo-password-for-tests", "test");
        // The administrator created both units and so belongs to both.
        Map<CaseState, Long> states = cases.find(admin, new CaseQuery(null, false), 0, 100).content().stream()
                .collect(Collectors.groupingBy(CaseSummary::state, Collectors.counting()));
        assertThat(states.keySet()).containsAll(EnumSet.allOf(CaseState.class));
        assertThat(states.get(CaseState.PUBLISHED)).isGreaterThanOrEqualTo(15);
        assertThat(Arrays.stream(CaseState.values()).filter(state -> state != CaseState.PUBLISHED))
                .allSatisfy(
                        state -> assertThat(states.get(state)).as(state.name()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void givesTheInboxRumoursAndTheCasePagesFactChecksTheyRepeat() throws InterruptedException {
        PageOf<InboxRow> inbox = intake.inbox(ItemQuery.ALL, 0, 25);
        assertThat(inbox.content())
                .filteredOn(InboxRow::rumour)
                .as("rumours with copies over several days on the first page")
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(row -> assertThat(row.recentDays().stream()
                                .filter(day -> day.count() > 0)
                                .count())
                        .isGreaterThanOrEqualTo(4));

        CurrentUser checker = network.authenticate("checker@demo.factdesk.vn", "demo-password-for-tests", "test");
        assertThat(matching.searchClaims(checker, ClaimQuery.LATEST, 0, 20)
                        .claims()
                        .total())
                .isGreaterThanOrEqualTo(15);
        List<CaseSummary> repeats = cases.find(checker, new CaseQuery(null, false), 0, 100).content().stream()
                .filter(kase -> kase.title().startsWith("Ăn tỏi sống và uống rượu mạnh mỗi ngày"))
                .toList();
        assertThat(repeats).hasSize(1);
        CaseMatches found = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            found = matching.caseMatches(checker, repeats.get(0).id());
            if (!found.repeats().isEmpty()
                    && found.items().stream().anyMatch(item -> !item.matches().isEmpty())) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(found.repeats())
                .as("the published fact-check the case repeats")
                .isNotEmpty();
        assertThat(found.items()).anySatisfy(item -> assertThat(item.matches()).isNotEmpty());
    }

    @Test
    void runsOnlyOnce() {
        long items = intake.search(ItemQuery.ALL, 0, 1).total();
        demo.run(new org.springframework.boot.DefaultApplicationArguments("--demo"));
        assertThat(intake.search(ItemQuery.ALL, 0, 1).total()).isEqualTo(items);
    }
}
