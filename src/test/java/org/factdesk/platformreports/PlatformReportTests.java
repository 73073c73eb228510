package org.factdesk.platformreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.factdesk.platformreports.PlatformReportExceptions.DatedInFuture;
import org.factdesk.platformreports.PlatformReportExceptions.IllegalReportTransition;
import org.factdesk.platformreports.PlatformReportExceptions.InvalidReportInput;
import org.factdesk.platformreports.PlatformReportExceptions.StepBeforePreviousStep;
import org.factdesk.platformreports.PlatformReportExceptions.StepBeforeSubmission;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of a report's timeline, on the aggregate alone. */
class PlatformReportTests {

    static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    static final Instant SENT = NOW.minus(Duration.ofDays(10));
    static final PolicyCategory HEALTH = new PolicyCategory(
            "misinformation-health",
            "Thông tin sai lệch về sức khỏe",
            "Misinformation about health",
            "https://example.org/policy",
            false);
    final UserId editor = UserId.random();

    PlatformReport submitted() {
        return PlatformReport.submit(
                PlatformReportId.random(),
                ItemId.random(),
                UnitId.random(),
                Platform.FACEBOOK,
                HEALTH,
                "FB-123",
                "Bài viết sai sự thật, xem https://factdesk.example/fact-checks/x",
                "https://factdesk.example/fact-checks/x",
                editor,
                SENT,
                NOW);
    }

    @Test
    void submissionStartsTheTimelineAndAnnouncesIt() {
        PlatformReport report = submitted();
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(report.steps()).singleElement().satisfies(step -> {
            assertThat(step.at()).isEqualTo(SENT);
            assertThat(step.recordedBy()).isEqualTo(editor);
            assertThat(step.recordedAt()).isEqualTo(NOW);
        });
        assertThat(report.timeToOutcome()).isEmpty();
        assertThat(report.events()).singleElement().isInstanceOf(PlatformReportSubmitted.class);
    }

    @Test
    void acknowledgedThenActionedComputesTheTimeToOutcome() {
        PlatformReport report = submitted();
        report.acknowledge(SENT.plus(Duration.ofHours(2)), "Mã phiếu đã nhận", editor, NOW);
        report.actioned(ActionTaken.REMOVED, SENT.plus(Duration.ofHours(60)), "Đã gỡ", editor, NOW);

        assertThat(report.status()).isEqualTo(ReportStatus.ACTIONED);
        assertThat(report.action()).isEqualTo(ActionTaken.REMOVED);
        assertThat(report.timeToOutcome()).contains(Duration.ofHours(60));
        assertThat(report.daysToOutcome())
                .hasValueSatisfying(days -> assertThat(days).isCloseTo(2.5, within(1e-9)));
        assertThat(report.steps())
                .extracting(ReportStep::status)
                .containsExactly(ReportStatus.SUBMITTED, ReportStatus.ACKNOWLEDGED, ReportStatus.ACTIONED);
        assertThat(report.events())
                .hasExactlyElementsOfTypes(
                        PlatformReportSubmitted.class, PlatformReportAcknowledged.class, PlatformReportResolved.class);
        PlatformReportResolved resolved =
                (PlatformReportResolved) report.events().get(2);
        assertThat(resolved.outcome()).isEqualTo(ReportStatus.ACTIONED);
        assertThat(resolved.action()).isEqualTo(ActionTaken.REMOVED);
        assertThat(resolved.timeToOutcome()).isEqualTo(Duration.ofHours(60));
    }

    @Test
    void rejectsAnOutcomeDatedBeforeTheSubmission() {
        PlatformReport report = submitted();
        assertThatThrownBy(() -> report.rejected(SENT.minusSeconds(60), null, editor, NOW))
                .isInstanceOf(StepBeforeSubmission.class)
                .hasMessageContaining("platformreports.error.before-submission");
        assertThat(report.steps()).hasSize(1);
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void rejectsAStepDatedBeforeThePreviousStep() {
        PlatformReport report = submitted();
        report.acknowledge(SENT.plus(Duration.ofDays(3)), null, editor, NOW);
        assertThatThrownBy(
                        () -> report.actioned(ActionTaken.LABELLED, SENT.plus(Duration.ofDays(2)), null, editor, NOW))
                .isInstanceOf(StepBeforePreviousStep.class);
        assertThat(report.status()).isEqualTo(ReportStatus.ACKNOWLEDGED);
    }

    @Test
    void rejectsDatesInTheFuture() {
        assertThatThrownBy(() -> PlatformReport.submit(
                        PlatformReportId.random(),
                        ItemId.random(),
                        UnitId.random(),
                        Platform.FACEBOOK,
                        HEALTH,
                        null,
                        "Sai sự thật",
                        null,
                        editor,
                        NOW.plus(Duration.ofDays(2)),
                        NOW))
                .isInstanceOf(DatedInFuture.class);
        PlatformReport report = submitted();
        assertThatThrownBy(() -> report.acknowledge(NOW.plus(Duration.ofDays(1)), null, editor, NOW))
                .isInstanceOf(DatedInFuture.class);
    }

    @Test
    void requiresAJustification() {
        for (String blank : new String[] {null, "", "   \n\t"}) {
            assertThatThrownBy(() -> PlatformReport.submit(
                            PlatformReportId.random(),
                            ItemId.random(),
                            UnitId.random(),
                            Platform.FACEBOOK,
                            HEALTH,
                            null,
                            blank,
                            null,
                            editor,
                            SENT,
                            NOW))
                    .isInstanceOf(InvalidReportInput.class)
                    .hasMessageContaining("platformreports.error.justification-required");
        }
    }

    @Test
    void actionedNeedsWhatThePlatformDid() {
        PlatformReport report = submitted();
        assertThatThrownBy(() -> report.actioned(null, NOW, null, editor, NOW))
                .isInstanceOf(InvalidReportInput.class)
                .hasMessageContaining("platformreports.error.action-required");
    }

    /** Every pair of statuses: allowed moves succeed, the others are refused and change nothing. */
    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void onlyTheAllowedTransitionsSucceed(ReportStatus from) {
        for (ReportStatus to : ReportStatus.values()) {
            PlatformReport report = reportIn(from);
            int steps = report.steps().size();
            Instant at = report.lastStep().at().plus(Duration.ofHours(1));
            boolean allowed = EXPECTED_NEXT.get(from.ordinal()).contains(to);
            if (allowed) {
                move(report, to, at);
                assertThat(report.status()).isEqualTo(to);
                assertThat(report.steps()).hasSize(steps + 1);
            } else {
                assertThatThrownBy(() -> move(report, to, at))
                        .as("%s -> %s", from, to)
                        .isInstanceOf(IllegalReportTransition.class);
                assertThat(report.status()).isEqualTo(from);
                assertThat(report.steps()).hasSize(steps);
            }
        }
    }

    static final List<EnumSet<ReportStatus>> EXPECTED_NEXT = List.of(
            EnumSet.of(
                    ReportStatus.ACKNOWLEDGED, ReportStatus.ACTIONED, ReportStatus.REJECTED, ReportStatus.NO_RESPONSE),
            EnumSet.of(ReportStatus.ACTIONED, ReportStatus.REJECTED, ReportStatus.NO_RESPONSE),
            EnumSet.noneOf(ReportStatus.class),
            EnumSet.noneOf(ReportStatus.class),
            EnumSet.of(ReportStatus.ACTIONED, ReportStatus.REJECTED));

    private PlatformReport reportIn(ReportStatus status) {
        PlatformReport report = submitted();
        if (status != ReportStatus.SUBMITTED) {
            move(report, status, SENT.plus(Duration.ofDays(1)));
        }
        return report;
    }

    private void move(PlatformReport report, ReportStatus to, Instant at) {
        switch (to) {
            case SUBMITTED -> throw new IllegalReportTransition(report.status(), to);
            case ACKNOWLEDGED -> report.acknowledge(at, null, editor, NOW);
            case ACTIONED -> report.actioned(ActionTaken.LABELLED, at, null, editor, NOW);
            case REJECTED -> report.rejected(at, null, editor, NOW);
            case NO_RESPONSE -> report.noResponse(at, null, editor, NOW);
        }
    }

    @Test
    void aLateAnswerAfterTheAutomaticNoResponseIsDatedAgainstTheLastRealStep() {
        PlatformReport report = submitted();
        Instant deadline = report.noResponseDeadline(Duration.ofDays(7)).orElseThrow();
        assertThat(deadline).isEqualTo(SENT.plus(Duration.ofDays(7)));
        report.noResponse(deadline, "Tự động", null, NOW);
        assertThat(report.lastStep().automatic()).isTrue();
        assertThat(report.noResponseDeadline(Duration.ofDays(7))).isEmpty();
        assertThat(report.daysToOutcome())
                .hasValueSatisfying(days -> assertThat(days).isCloseTo(7.0, within(1e-9)));

        // The platform had removed the post on day 5; the editor learns it after the deadline.
        report.actioned(ActionTaken.REMOVED, SENT.plus(Duration.ofDays(5)), "Phát hiện muộn", editor, NOW);
        assertThat(report.status()).isEqualTo(ReportStatus.ACTIONED);
        assertThat(report.daysToOutcome())
                .hasValueSatisfying(days -> assertThat(days).isCloseTo(5.0, within(1e-9)));
    }

    @Test
    void medianOfOddAndEvenCountsAndOfRandomSamples() {
        assertThat(PlatformFigures.median(new double[0])).isNull();
        assertThat(PlatformFigures.median(new double[] {4})).isEqualTo(4.0);
        assertThat(PlatformFigures.median(new double[] {1, 2, 10})).isEqualTo(2.0);
        assertThat(PlatformFigures.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
        Random random = new Random(20261128);
        for (int round = 0; round < 200; round++) {
            double[] values =
                    random.doubles(1 + random.nextInt(40), 0, 60).sorted().toArray();
            double median = PlatformFigures.median(values);
            long below = java.util.Arrays.stream(values).filter(v -> v < median).count();
            long above = java.util.Arrays.stream(values).filter(v -> v > median).count();
            assertThat(below).isLessThanOrEqualTo(values.length / 2);
            assertThat(above).isLessThanOrEqualTo(values.length / 2);
        }
    }
}
