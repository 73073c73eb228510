package org.factdesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.Role;
import org.factdesk.platformreports.ActionTaken;
import org.factdesk.platformreports.NewPlatformReport;
import org.factdesk.platformreports.PlatformPolicies;
import org.factdesk.platformreports.PlatformReport;
import org.factdesk.platformreports.PlatformReportExceptions.UnknownPlatform;
import org.factdesk.platformreports.PlatformReportManagement;
import org.factdesk.platformreports.PlatformReportManagement.CitableFactCheck;
import org.factdesk.platformreports.PolicyCategory;
import org.factdesk.platformreports.ReportStatus;
import org.factdesk.platformreports.StatusChange;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reports to platforms for the demo: the editor reports posts that repeat published fact-checks, under each
 * platform's own health-misinformation policy, citing the fact-check, and records what the platforms did, so that
 * the report list, its per-platform figures and the evidence packages have something to show. Each outcome is one
 * the workflow allows, dated after the last.
 */
@Component
class DemoReports {

    /** What happens to the n-th report: the steps after its submission, in days after it. */
    private static final List<List<Step>> OUTCOMES = List.of(
            List.of(
                    new Step(ReportStatus.ACKNOWLEDGED, null, 1),
                    new Step(ReportStatus.ACTIONED, ActionTaken.REMOVED, 3)),
            List.of(new Step(ReportStatus.ACTIONED, ActionTaken.LABELLED, 2)),
            List.of(new Step(ReportStatus.ACKNOWLEDGED, null, 1), new Step(ReportStatus.REJECTED, null, 6)),
            List.of(new Step(ReportStatus.ACTIONED, ActionTaken.REDUCED_REACH, 4)),
            List.of(new Step(ReportStatus.ACKNOWLEDGED, null, 2)),
            List.of());

    private record Step(ReportStatus status, @Nullable ActionTaken action, int days) {}

    /** The last step of any outcome, in days after the report: only posts seen before that are reported. */
    private static final int LONGEST = 7;

    private final PlatformReportManagement reports;
    private final IntakeManagement intake;

    DemoReports(PlatformReportManagement reports, IntakeManagement intake) {
        this.reports = reports;
        this.intake = intake;
    }

    /**
     * Reports the first of {@code candidates} that the editor may report, one per outcome: a post of each platform
     * first, then further posts of the same platforms. Each is sent the day after the post was seen.
     *
     * @return how many reports were recorded
     */
    int record(CurrentUser editor, List<ItemId> candidates, Instant now) {
        List<Reportable> reportable = new ArrayList<>();
        for (ItemId id : candidates) {
            Item item = intake.get(id);
            if (!editor.hasRole(item.unit(), Role.EDITOR)
                    || item.seenAt().plus(Duration.ofDays(1 + LONGEST)).isAfter(now)) {
                continue;
            }
            Optional<PolicyCategory> policy = healthPolicy(item.platform());
            Optional<CitableFactCheck> factCheck = reports.factCheckFor(editor, id);
            if (policy.isPresent() && factCheck.isPresent()) {
                reportable.add(new Reportable(item, policy.get(), factCheck.get()));
            }
        }
        Set<Platform> seen = new HashSet<>();
        List<Reportable> order = new ArrayList<>();
        reportable.stream().filter(r -> seen.add(r.item().platform())).forEach(order::add);
        reportable.stream().filter(r -> !order.contains(r)).forEach(order::add);
        int made = Math.min(order.size(), OUTCOMES.size());
        for (int number = 0; number < made; number++) {
            report(editor, order.get(number), OUTCOMES.get(number), number);
        }
        // What the recurring sweep would record: reports sent long ago and never answered are NO_RESPONSE from the
        // start (the sweep's first run comes before the demo's reports exist).
        reports.recordMissingResponses();
        return made;
    }

    /** A post the editor may report, with the policy it breaks and the fact-check that shows it. */
    private record Reportable(Item item, PolicyCategory policy, CitableFactCheck factCheck) {}

    private void report(CurrentUser editor, Reportable reportable, List<Step> outcome, int number) {
        Item item = reportable.item();
        PolicyCategory policy = reportable.policy();
        CitableFactCheck factCheck = reportable.factCheck();
        Instant sent = item.seenAt().plus(Duration.ofDays(1));
        PlatformReport report = reports.submit(
                editor,
                new NewPlatformReport(
                        item.id(),
                        item.platform().name(),
                        policy.code(),
                        String.valueOf(7_340_213_000L + 9_721L * number), // a ticket number as platforms give them
                        justification(item.language(), factCheck.headline()),
                        factCheck.url(),
                        sent));
        for (Step step : outcome) {
            reports.move(
                    editor,
                    report.id(),
                    new StatusChange(
                            step.status(),
                            step.action(),
                            sent.plus(Duration.ofDays(step.days())),
                            step.status() == ReportStatus.REJECTED ? rejection(item.language()) : null));
        }
    }

    private Optional<PolicyCategory> healthPolicy(Platform platform) {
        PlatformPolicies policies;
        try {
            policies = reports.policies(platform.name());
        } catch (UnknownPlatform unknown) {
            return Optional.empty(); // a platform without a policy list (a website)
        }
        List<PolicyCategory> open =
                policies.categories().stream().filter(c -> !c.retired()).toList();
        return open.stream()
                .filter(c -> c.code().contains("health") || c.code().contains("misinformation"))
                .findFirst()
                .or(() -> open.stream().findFirst());
    }

    private static String justification(Language language, String factCheck) {
        return language == Language.VI
                ? "Bài đăng lặp lại một thông tin sai về sức khỏe đã được kiểm chứng: «" + factCheck
                        + "». Bài kiểm chứng dẫn các nguồn chính thức; đề nghị xử lý theo chính sách của nền tảng."
                : "The post repeats health misinformation we have fact-checked: \"" + factCheck
                        + "\". The fact-check cites the official sources; please act under your policy.";
    }

    private static String rejection(Language language) {
        return language == Language.VI
                ? "Nền tảng trả lời: nội dung không vi phạm tiêu chuẩn cộng đồng."
                : "The platform answered: the content does not break its community standards.";
    }
}
