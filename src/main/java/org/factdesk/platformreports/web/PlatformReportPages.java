package org.factdesk.platformreports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Unit;
import org.factdesk.platformreports.ActionTaken;
import org.factdesk.platformreports.NewPlatformReport;
import org.factdesk.platformreports.PlatformPolicies;
import org.factdesk.platformreports.PlatformReport;
import org.factdesk.platformreports.PlatformReportId;
import org.factdesk.platformreports.PlatformReportManagement;
import org.factdesk.platformreports.PlatformReportManagement.CitableFactCheck;
import org.factdesk.platformreports.PolicyCategory;
import org.factdesk.platformreports.ReportQuery;
import org.factdesk.platformreports.ReportStatus;
import org.factdesk.platformreports.ReportSummary;
import org.factdesk.platformreports.StatusChange;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The report list with its figures per platform, the form that records a report from an item, the report page with
 * its timeline and the form of the next step, the item page's panel (loaded over htmx) and the evidence package.
 */
@Controller
class PlatformReportPages {

    static final String LIST_VIEW = "platformreports/list";
    static final String FORM_VIEW = "platformreports/new";
    static final String REPORT_VIEW = "platformreports/report";
    static final String ITEM_PANEL = "platformreports/item-reports :: panel";
    static final String POLICY_OPTIONS = "platformreports/new :: policies";
    static final int PAGE_SIZE = 25;

    private final PlatformReportManagement reports;
    private final IntakeManagement intake;
    private final NetworkManagement network;
    private final MessageSource messages;

    PlatformReportPages(
            PlatformReportManagement reports,
            IntakeManagement intake,
            NetworkManagement network,
            MessageSource messages) {
        this.reports = reports;
        this.intake = intake;
        this.network = network;
        this.messages = messages;
    }

    /**
     * The form of a new report; the date is in the user's time zone, as typed (see {@link #dateTime}), so that a
     * date the browser did not check comes back with a message instead of failing the binding.
     */
    record ReportForm(
            @Nullable ItemId item,
            @Nullable String platform,
            @Nullable String policy,
            @Nullable String reference,
            @Nullable String justification,
            @Nullable String factCheckUrl,
            @Nullable String submittedAt) {}

    /** The form of a step, its values as sent (checked in {@link #step}). */
    record StepForm(
            @Nullable String status,
            @Nullable String action,
            @Nullable String at,
            @Nullable String note) {}

    /** The ways a date and time is accepted: the browser's picker, ISO with a space, and as Vietnamese write it. */
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm[:ss]"),
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]"),
            DateTimeFormatter.ofPattern("d-M-uuuu H:mm[:ss]"));

    /**
     * The date and time typed in a form, at the user's zone; null when blank.
     *
     * @throws InvalidInput when it is not a date and time in one of the accepted forms
     */
    static @Nullable Instant dateTime(@Nullable String typed, ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(typed.strip(), format).atZone(zone).toInstant();
            } catch (DateTimeParseException notThisOne) {
                // next form
            }
        }
        throw new InvalidInput("platformreports.error.date-format", abbreviate(typed));
    }

    private static <E extends Enum<E>> @Nullable E choice(@Nullable String sent, Class<E> type, String unknownKey) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, sent.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput(unknownKey, abbreviate(sent));
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    @GetMapping("/platform-reports")
    String list(
            @RequestParam(required = false) @Nullable Platform platform,
            @RequestParam(required = false) @Nullable ReportStatus status,
            @RequestParam(required = false) @Nullable UnitId unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (from != null && to != null && from.isAfter(to)) {
            // A period typed the wrong way round is read the right way, and the page says so.
            LocalDate start = to;
            to = from;
            from = start;
            model.addAttribute("periodSwapped", true);
        }
        ReportQuery query = new ReportQuery(platform, status, unit, from, to);
        PageOf<ReportSummary> found = reports.find(query, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("reports", found);
        model.addAttribute("figures", reports.figures(query));
        model.addAttribute("query", query);
        model.addAttribute("filtered", !query.equals(ReportQuery.ALL));
        model.addAttribute("platforms", reports.policies());
        model.addAttribute("policyLabels", policyLabels());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("units", network.units());
        model.addAttribute("unitNames", network.unitNames());
        model.addAttribute("pagerQuery", pagerQuery(query));
        return LIST_VIEW;
    }

    @GetMapping("/platform-reports/items/{id}")
    String itemPanel(@AuthenticationPrincipal CurrentUser user, @PathVariable ItemId id, Model model) {
        Item item = intake.get(id);
        model.addAttribute("item", item);
        model.addAttribute("itemReports", reports.ofItem(id));
        model.addAttribute("policyLabels", policyLabels());
        model.addAttribute("canReport", reports.canReport(user, item.unit()));
        return ITEM_PANEL;
    }

    @GetMapping("/platform-reports/new")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam ItemId item, Model model) {
        Item reported = intake.get(item);
        Optional<CitableFactCheck> factCheck = reports.factCheckFor(user, item);
        String platform = reports.policies().stream()
                .map(PlatformPolicies::platform)
                .filter(known -> known == reported.platform())
                .findFirst()
                .orElse(reports.policies().get(0).platform())
                .name();
        String justification = factCheck
                .map(found -> messages.getMessage(
                        "platformreports.form.justification-template",
                        new Object[] {found.headline(), found.url()},
                        Locale.forLanguageTag(reported.language().code())))
                .orElse(null);
        model.addAttribute(
                "form",
                new ReportForm(
                        item,
                        platform,
                        null,
                        null,
                        justification,
                        factCheck.map(CitableFactCheck::url).orElse(null),
                        null));
        return prepareForm(user, reported, factCheck.orElse(null), model);
    }

    /** The policy select of the form for the chosen platform (htmx swaps it when the platform changes). */
    @GetMapping("/platform-reports/policy-options")
    String policyOptions(@RequestParam(required = false) @Nullable String platform, Model model) {
        model.addAttribute("form", new ReportForm(null, platform, null, null, null, null, null));
        model.addAttribute("categories", categories(platform));
        return POLICY_OPTIONS;
    }

    @PostMapping("/platform-reports")
    String submit(
            @AuthenticationPrincipal CurrentUser user,
            @ModelAttribute("form") ReportForm form,
            BindingResult errors,
            ZoneId zone,
            Model model,
            RedirectAttributes flash) {
        if (form.item() == null) {
            flash.addFlashAttribute("failure", "platformreports.error.item-required");
            return "redirect:/platform-reports";
        }
        Item item = intake.get(form.item());
        if (!errors.hasErrors()) {
            try {
                PlatformReport report = reports.submit(
                        user,
                        new NewPlatformReport(
                                item.id(),
                                form.platform(),
                                form.policy(),
                                form.reference(),
                                form.justification(),
                                form.factCheckUrl(),
                                dateTime(form.submittedAt(), zone)));
                flash.addFlashAttribute("success", "platformreports.recorded");
                return "redirect:/platform-reports/" + report.id();
            } catch (DomainException refused) {
                errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            }
        }
        return prepareForm(user, item, reports.factCheckFor(user, item.id()).orElse(null), model);
    }

    @GetMapping("/platform-reports/{id}")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable PlatformReportId id, Model model) {
        PlatformReport report = reports.get(id);
        if (!model.containsAttribute("step")) {
            model.addAttribute("step", new StepForm(null, null, null, null));
        }
        return prepareReport(user, report, model);
    }

    @PostMapping("/platform-reports/{id}/steps")
    String step(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable PlatformReportId id,
            @ModelAttribute("step") StepForm form,
            BindingResult errors,
            ZoneId zone,
            Model model,
            RedirectAttributes flash) {
        if (form.status() == null || form.status().isBlank()) {
            errors.reject("platformreports.error.status-required");
        } else if (!errors.hasErrors()) {
            try {
                reports.move(
                        user,
                        id,
                        new StatusChange(
                                choice(form.status(), ReportStatus.class, "platformreports.error.unknown-status"),
                                choice(form.action(), ActionTaken.class, "platformreports.error.unknown-action"),
                                dateTime(form.at(), zone),
                                form.note()));
                flash.addFlashAttribute("success", "platformreports.step-recorded");
                return "redirect:/platform-reports/" + id;
            } catch (DomainException refused) {
                errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            }
        }
        return prepareReport(user, reports.get(id), model);
    }

    /** The evidence package, streamed: snapshot bodies go from the archive to the response in blocks. */
    @GetMapping("/platform-reports/{id}/evidence.zip")
    void evidence(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable PlatformReportId id,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        EvidenceDownload.send(reports, user, id, locale, response);
    }

    private String prepareForm(CurrentUser user, Item item, @Nullable CitableFactCheck factCheck, Model model) {
        ReportForm form = (ReportForm) model.getAttribute("form");
        model.addAttribute("item", item);
        model.addAttribute("factCheck", factCheck);
        model.addAttribute("platforms", reports.policies());
        model.addAttribute("categories", categories(form == null ? null : form.platform()));
        model.addAttribute("canReport", reports.canReport(user, item.unit()));
        return FORM_VIEW;
    }

    private String prepareReport(CurrentUser user, PlatformReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("item", intake.find(report.item()).orElse(null));
        model.addAttribute("category", reports.category(report).orElse(null));
        model.addAttribute(
                "platformName",
                reports.policies().stream()
                        .filter(p -> p.platform() == report.platform())
                        .map(PlatformPolicies::name)
                        .findFirst()
                        .orElse(report.platform().name()));
        model.addAttribute("names", reports.names(report));
        model.addAttribute(
                "unit", network.findUnit(report.unit()).map(Unit::name).orElse(""));
        model.addAttribute("canEdit", reports.canReport(user, report.unit()));
        model.addAttribute("nextStatuses", report.status().next());
        model.addAttribute("actions", ActionTaken.values());
        return REPORT_VIEW;
    }

    private List<PolicyCategory> categories(@Nullable String platform) {
        try {
            return reports.policies(platform).current();
        } catch (DomainException unknown) {
            return List.of();
        }
    }

    /** Labels of every policy category by "PLATFORM/code", in the user's language. */
    private Map<String, PolicyCategory> policyLabels() {
        return reports.policies().stream()
                .flatMap(p ->
                        p.categories().stream().map(c -> Map.entry(p.platform().name() + "/" + c.code(), c)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String pagerQuery(ReportQuery query) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        if (query.platform() != null) {
            builder.queryParam("platform", query.platform());
        }
        if (query.status() != null) {
            builder.queryParam("status", query.status());
        }
        if (query.unit() != null) {
            builder.queryParam("unit", query.unit());
        }
        if (query.from() != null) {
            builder.queryParam("from", query.from());
        }
        if (query.to() != null) {
            builder.queryParam("to", query.to());
        }
        String built = builder.encode().build().getQuery();
        return built == null ? "" : built;
    }
}
