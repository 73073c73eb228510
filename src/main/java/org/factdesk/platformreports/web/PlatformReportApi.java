package org.factdesk.platformreports.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factdesk.network.CurrentUser;
import org.factdesk.platformreports.ActionTaken;
import org.factdesk.platformreports.NewPlatformReport;
import org.factdesk.platformreports.PlatformFigures;
import org.factdesk.platformreports.PlatformPolicies;
import org.factdesk.platformreports.PlatformReport;
import org.factdesk.platformreports.PlatformReportId;
import org.factdesk.platformreports.PlatformReportManagement;
import org.factdesk.platformreports.ReportQuery;
import org.factdesk.platformreports.ReportStatus;
import org.factdesk.platformreports.ReportStep;
import org.factdesk.platformreports.ReportSummary;
import org.factdesk.platformreports.StatusChange;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform reports over HTTP: the policy list, record a report (201), read, list with filters, figures per platform,
 * record a step, download the evidence package. Bad input answers RFC 9457 problems: an unknown platform or policy
 * category and a step dated before the submission are 400, a step the status does not allow is 409.
 */
@RestController
@RequestMapping("/api/v1/platform-reports")
class PlatformReportApi {

    private final PlatformReportManagement reports;

    PlatformReportApi(PlatformReportManagement reports) {
        this.reports = reports;
    }

    /** Platform and policy are codes of the policy list (GET /policies); submittedAt defaults to now. */
    record ReportRequest(
            @NotNull(message = "{platformreports.validation.item}")
            ItemId item,

            @Nullable String platform,
            @Nullable String policy,
            @Nullable String reference,
            @Nullable String justification,
            @Nullable String factCheckUrl,
            @Nullable Instant submittedAt) {}

    record StepRequest(
            @NotNull(message = "{platformreports.validation.status}")
            ReportStatus status,

            @Nullable ActionTaken action,
            @Nullable Instant at,
            @Nullable String note) {}

    record StepView(
            ReportStatus status,
            @Nullable ActionTaken action,
            Instant at,
            @Nullable String note,
            @Nullable UserId recordedBy,
            boolean automatic,
            Instant recordedAt) {

        static StepView of(ReportStep step) {
            return new StepView(
                    step.status(),
                    step.action(),
                    step.at(),
                    step.note(),
                    step.recordedBy(),
                    step.automatic(),
                    step.recordedAt());
        }
    }

    record ReportView(
            PlatformReportId id,
            ItemId item,
            UnitId unit,
            Platform platform,
            String policy,
            @Nullable String reference,
            String justification,
            @Nullable String factCheckUrl,
            UserId submittedBy,
            Instant submittedAt,
            ReportStatus status,
            @Nullable ActionTaken action,
            @Nullable Instant outcomeAt,
            @Nullable Double daysToOutcome,
            List<StepView> timeline) {

        static ReportView of(PlatformReport report) {
            return new ReportView(
                    report.id(),
                    report.item(),
                    report.unit(),
                    report.platform(),
                    report.policy(),
                    report.reference(),
                    report.justification(),
                    report.factCheckUrl(),
                    report.submittedBy(),
                    report.submittedAt(),
                    report.status(),
                    report.action(),
                    report.outcomeAt().orElse(null),
                    report.daysToOutcome().orElse(null),
                    report.steps().stream().map(StepView::of).toList());
        }
    }

    @GetMapping("/policies")
    Map<String, Object> policies() {
        List<PlatformPolicies> platforms = reports.policies();
        return Map.of("reviewed", reports.policiesReviewed(), "platforms", platforms);
    }

    @PostMapping
    ResponseEntity<ReportView> submit(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ReportRequest request) {
        PlatformReport report = reports.submit(
                user,
                new NewPlatformReport(
                        request.item(),
                        request.platform(),
                        request.policy(),
                        request.reference(),
                        request.justification(),
                        request.factCheckUrl(),
                        request.submittedAt()));
        return ResponseEntity.created(URI.create("/api/v1/platform-reports/" + report.id()))
                .body(ReportView.of(report));
    }

    @GetMapping("/{id}")
    ReportView report(@PathVariable PlatformReportId id) {
        return ReportView.of(reports.get(id));
    }

    @PostMapping("/{id}/steps")
    ReportView step(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable PlatformReportId id,
            @Valid @RequestBody StepRequest request) {
        return ReportView.of(reports.move(
                user, id, new StatusChange(request.status(), request.action(), request.at(), request.note())));
    }

    @GetMapping
    PageOf<ReportSummary> search(
            @RequestParam(required = false) @Nullable Platform platform,
            @RequestParam(required = false) @Nullable ReportStatus status,
            @RequestParam(required = false) @Nullable UnitId unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        return reports.find(new ReportQuery(platform, status, unit, from, to), page, size);
    }

    @GetMapping("/figures")
    List<PlatformFigures> figures(
            @RequestParam(required = false) @Nullable Platform platform,
            @RequestParam(required = false) @Nullable UnitId unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return reports.figures(new ReportQuery(platform, null, unit, from, to));
    }

    @GetMapping("/{id}/evidence.zip")
    void evidence(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable PlatformReportId id,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        EvidenceDownload.send(reports, user, id, locale, response);
    }
}
