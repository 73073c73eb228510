package org.factdesk.platformreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.platformreports.PlatformReportExceptions.EditorRequired;
import org.factdesk.platformreports.PlatformReportExceptions.IllegalReportTransition;
import org.factdesk.platformreports.PlatformReportExceptions.StepBeforeSubmission;
import org.factdesk.platformreports.PlatformReportExceptions.UnknownPlatform;
import org.factdesk.platformreports.PlatformReportExceptions.UnknownPolicyCategory;
import org.factdesk.publishing.PublishingDesk;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Platform reports through their API on the real database: recording, steps, refusals, the sweep, figures. */
@DeskTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformReportManagementTests {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    PlatformReportManagement reports;

    @Autowired
    NetworkManagement network;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    ReportDesk desk;
    PublishingDesk.Team team;

    @BeforeAll
    void setUp() {
        desk = new ReportDesk(context);
        team = desk.team();
    }

    @Test
    void editorRecordsAReportAndItsOutcome(ApplicationEvents events) {
        String marker = PublishingDesk.marker();
        Item item = desk.item(team, Platform.FACEBOOK, marker);
        Instant sent = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PlatformReport report = desk.report(team, item, "FACEBOOK", "misinformation-health", sent);

        reports.move(
                team.editor2(),
                report.id(),
                new StatusChange(ReportStatus.ACKNOWLEDGED, null, sent.plus(Duration.ofHours(1)), "Đã nhận"));
        reports.move(
                team.editor(),
                report.id(),
                new StatusChange(
                        ReportStatus.ACTIONED, ActionTaken.REMOVED, sent.plus(Duration.ofHours(36)), "Bài đã bị gỡ"));

        PlatformReport stored = reports.get(report.id());
        assertThat(stored.status()).isEqualTo(ReportStatus.ACTIONED);
        assertThat(stored.action()).isEqualTo(ActionTaken.REMOVED);
        assertThat(stored.submittedAt()).isEqualTo(sent);
        assertThat(stored.daysToOutcome())
                .hasValueSatisfying(days -> assertThat(days).isCloseTo(1.5, within(1e-9)));
        assertThat(stored.steps())
                .extracting(ReportStep::status, ReportStep::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReportStatus.SUBMITTED, null),
                        org.assertj.core.groups.Tuple.tuple(ReportStatus.ACKNOWLEDGED, "Đã nhận"),
                        org.assertj.core.groups.Tuple.tuple(ReportStatus.ACTIONED, "Bài đã bị gỡ"));
        assertThat(stored.steps().get(1).recordedBy()).isEqualTo(team.editor2().id());
        assertThat(reports.ofItem(item.id())).extracting(PlatformReport::id).containsExactly(report.id());

        assertThat(events.stream(PlatformReportSubmitted.class).filter(e -> e.id().equals(report.id())))
                .hasSize(1);
        assertThat(events.stream(PlatformReportResolved.class).filter(e -> e.id().equals(report.id())))
                .singleElement()
                .satisfies(resolved -> {
                    assertThat(resolved.outcome()).isEqualTo(ReportStatus.ACTIONED);
                    assertThat(resolved.timeToOutcome()).isEqualTo(Duration.ofHours(36));
                });
    }

    @Test
    void refusesAnUnknownPlatformAndStoresNothing() {
        Item item = desk.item(team, Platform.WEBSITE, PublishingDesk.marker());
        for (String platform : new String[] {"MYSPACE", "WEBSITE", "", null}) {
            assertThatThrownBy(() -> reports.submit(
                            team.editor(),
                            new NewPlatformReport(item.id(), platform, "spam", null, "Sai sự thật", null, null)))
                    .isInstanceOf(UnknownPlatform.class)
                    .hasMessageContaining("platformreports.error.unknown-platform");
        }
        assertThat(reports.ofItem(item.id())).isEmpty();
    }

    @Test
    void refusesAPolicyCategoryOfAnotherPlatformAndStoresNothing() {
        Item item = desk.item(team, Platform.TIKTOK, PublishingDesk.marker());
        // "misinformation-health" is Facebook's category, not TikTok's.
        assertThatThrownBy(() -> reports.submit(
                        team.editor(),
                        new NewPlatformReport(
                                item.id(), "TIKTOK", "misinformation-health", null, "Sai sự thật", null, null)))
                .isInstanceOf(UnknownPolicyCategory.class)
                .hasMessageContaining("misinformation-health");
        assertThat(reports.ofItem(item.id())).isEmpty();
        // the platform's own category is accepted, whatever the case of the platform code
        PlatformReport report = reports.submit(
                team.editor(),
                new NewPlatformReport(item.id(), "tiktok", "misinformation", null, "Sai sự thật", null, null));
        assertThat(report.platform()).isEqualTo(Platform.TIKTOK);
    }

    @Test
    void refusesAnOutcomeDatedBeforeTheSubmissionAndKeepsTheReportAsItWas() {
        Item item = desk.item(team, Platform.YOUTUBE, PublishingDesk.marker());
        Instant sent = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PlatformReport report = desk.report(team, item, "YOUTUBE", "medical-misinformation", sent);

        assertThatThrownBy(() -> reports.move(
                        team.editor(),
                        report.id(),
                        new StatusChange(ReportStatus.REJECTED, null, sent.minus(Duration.ofDays(1)), "quá sớm")))
                .isInstanceOf(StepBeforeSubmission.class);
        assertThatThrownBy(() -> reports.move(
                        team.editor(), report.id(), new StatusChange(ReportStatus.SUBMITTED, null, null, null)))
                .isInstanceOf(IllegalReportTransition.class);

        PlatformReport stored = reports.get(report.id());
        assertThat(stored.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(stored.steps()).hasSize(1);
        assertThat(stored.version()).isEqualTo(1);
        // and the report still moves on normally
        reports.move(team.editor(), report.id(), new StatusChange(ReportStatus.REJECTED, null, null, "Không vi phạm"));
        assertThat(reports.get(report.id()).status()).isEqualTo(ReportStatus.REJECTED);
    }

    @Test
    void onlyEditorsOfTheItemsUnitRecordReports() {
        Item item = desk.item(team, Platform.FACEBOOK, PublishingDesk.marker());
        PublishingDesk.Team other = desk.team();
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser viewer = accounts.user(Role.VIEWER, team.unit().id());
        for (CurrentUser refused : List.of(team.checker(), viewer, other.editor())) {
            assertThatThrownBy(() -> reports.submit(
                            refused, new NewPlatformReport(item.id(), "FACEBOOK", "spam", null, "Spam", null, null)))
                    .isInstanceOf(EditorRequired.class);
        }
        PlatformReport report = desk.report(team, item, "FACEBOOK", "spam", null);
        assertThatThrownBy(() -> reports.move(
                        other.editor(), report.id(), new StatusChange(ReportStatus.REJECTED, null, null, null)))
                .isInstanceOf(EditorRequired.class);
        assertThat(reports.get(report.id()).status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void recordsNoResponseForReportsThatWaitedPastTheDeadline() {
        Instant now = Instant.now();
        Item overdue = desk.item(team, Platform.ZALO, PublishingDesk.marker());
        Item recent = desk.item(team, Platform.ZALO, PublishingDesk.marker());
        Item acknowledged = desk.item(team, Platform.ZALO, PublishingDesk.marker());
        Instant longAgo = now.minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PlatformReport late = desk.report(team, overdue, "ZALO", "false-information", longAgo);
        PlatformReport fresh = desk.report(team, recent, "ZALO", "scam", now.minus(10, ChronoUnit.DAYS));
        PlatformReport answered = desk.report(team, acknowledged, "ZALO", "scam", longAgo);
        reports.move(
                team.editor(),
                answered.id(),
                new StatusChange(ReportStatus.ACKNOWLEDGED, null, now.minus(5, ChronoUnit.DAYS), null));

        reports.recordMissingResponses();

        PlatformReport swept = reports.get(late.id());
        assertThat(swept.status()).isEqualTo(ReportStatus.NO_RESPONSE);
        assertThat(swept.lastStep().automatic()).isTrue();
        assertThat(swept.lastStep().at()).isEqualTo(longAgo.plus(Duration.ofDays(30)));
        assertThat(swept.lastStep().note()).contains("30");
        assertThat(swept.daysToOutcome())
                .hasValueSatisfying(days -> assertThat(days).isCloseTo(30.0, within(1e-9)));
        assertThat(reports.get(fresh.id()).status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(reports.get(answered.id()).status()).isEqualTo(ReportStatus.ACKNOWLEDGED);

        // a second sweep finds nothing more to do for these
        reports.recordMissingResponses();
        assertThat(reports.get(late.id()).steps()).hasSize(2);

        // a late answer still counts
        reports.move(
                team.editor(),
                late.id(),
                new StatusChange(
                        ReportStatus.ACTIONED, ActionTaken.LABELLED, longAgo.plus(Duration.ofDays(20)), "Muộn"));
        assertThat(reports.get(late.id()).daysToOutcome())
                .hasValueSatisfying(days -> assertThat(days).isCloseTo(20.0, within(1e-9)));
    }

    @Test
    void theRecurringTaskIsDeclared() {
        assertThat(context.getBeansOfType(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class)
                        .values())
                .anySatisfy(task -> assertThat(task.getName()).isEqualTo("platformreports-no-response"));
    }

    @Test
    void figuresPerPlatformAndFilters() {
        PublishingDesk.Team unit = desk.team();
        LocalDate today = LocalDate.now(VIETNAM);
        Instant base = today.minusDays(20).atTime(9, 0).atZone(VIETNAM).toInstant();
        // Facebook: actioned after 1 and 3 days, rejected after 2 days, one waiting → median 2, rate 2/3
        PlatformReport a = desk.report(
                unit, desk.item(unit, Platform.FACEBOOK, PublishingDesk.marker()), "FACEBOOK", "spam", base);
        PlatformReport b = desk.report(
                unit, desk.item(unit, Platform.FACEBOOK, PublishingDesk.marker()), "FACEBOOK", "fraud-scams", base);
        PlatformReport c = desk.report(
                unit, desk.item(unit, Platform.FACEBOOK, PublishingDesk.marker()), "FACEBOOK", "spam", base);
        desk.report(unit, desk.item(unit, Platform.FACEBOOK, PublishingDesk.marker()), "FACEBOOK", "spam", base);
        reports.move(unit.editor(), a.id(), outcome(ReportStatus.ACTIONED, base.plus(Duration.ofDays(1))));
        reports.move(unit.editor(), b.id(), outcome(ReportStatus.ACTIONED, base.plus(Duration.ofDays(3))));
        reports.move(unit.editor(), c.id(), outcome(ReportStatus.REJECTED, base.plus(Duration.ofDays(2))));
        // TikTok: one, sent long before the period below
        Instant old = today.minusDays(90).atTime(9, 0).atZone(VIETNAM).toInstant();
        desk.report(unit, desk.item(unit, Platform.TIKTOK, PublishingDesk.marker()), "TIKTOK", "misinformation", old);

        ReportQuery ofUnit = new ReportQuery(null, null, unit.unit().id(), null, null);
        List<PlatformFigures> figures = reports.figures(ofUnit);
        assertThat(figures).extracting(PlatformFigures::platform).containsExactly(Platform.FACEBOOK, Platform.TIKTOK);
        PlatformFigures facebook = figures.get(0);
        assertThat(facebook.sent()).isEqualTo(4);
        assertThat(facebook.waiting()).isEqualTo(1);
        assertThat(facebook.actioned()).isEqualTo(2);
        assertThat(facebook.rejected()).isEqualTo(1);
        assertThat(facebook.actionedRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(facebook.medianDaysToOutcome()).isCloseTo(2.0, within(1e-9));
        assertThat(figures.get(1).actionedRate()).isNull();
        assertThat(figures.get(1).medianDaysToOutcome()).isNull();

        // period: both days included, in the installation's time zone
        ReportQuery lastMonth = new ReportQuery(null, null, unit.unit().id(), today.minusDays(20), today);
        assertThat(reports.figures(lastMonth))
                .extracting(PlatformFigures::platform)
                .containsExactly(Platform.FACEBOOK);
        assertThat(reports.find(lastMonth, 0, 25).total()).isEqualTo(4);
        assertThat(reports.find(new ReportQuery(null, null, unit.unit().id(), today.minusDays(19), today), 0, 25)
                        .total())
                .isZero();
        // status and platform filters
        assertThat(reports.find(
                                new ReportQuery(
                                        null, ReportStatus.ACTIONED, unit.unit().id(), null, null),
                                0,
                                25)
                        .content())
                .extracting(ReportSummary::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(reports.find(
                                new ReportQuery(
                                        Platform.TIKTOK, null, unit.unit().id(), null, null),
                                0,
                                25)
                        .content())
                .singleElement()
                .satisfies(row -> assertThat(row.headline()).startsWith("Tin đồn cần báo cáo"));
        // the status filter does not change the figures
        assertThat(reports.figures(
                        new ReportQuery(null, ReportStatus.ACTIONED, unit.unit().id(), null, null)))
                .isEqualTo(figures);
    }

    private static StatusChange outcome(ReportStatus status, Instant at) {
        return new StatusChange(status, status == ReportStatus.ACTIONED ? ActionTaken.REDUCED_REACH : null, at, null);
    }
}
