package org.factdesk.platformreports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.factdesk.archive.ArchiveManagement;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.platformreports.PlatformReportExceptions.ConcurrentReportChange;
import org.factdesk.platformreports.PlatformReportExceptions.EditorRequired;
import org.factdesk.platformreports.PlatformReportExceptions.InvalidReportInput;
import org.factdesk.platformreports.PlatformReportExceptions.ReportNotFound;
import org.factdesk.platformreports.PlatformReportExceptions.UnknownPlatform;
import org.factdesk.platformreports.PlatformReportExceptions.UnknownPolicyCategory;
import org.factdesk.platformreports.internal.EvidencePackage;
import org.factdesk.platformreports.internal.PolicyCatalog;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.FactCheckState;
import org.factdesk.publishing.FactCheckSummary;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform reports' API. Reports are readable by every user of the network, as items are (the network lead reads
 * the figures across units); recording a report and its steps needs the EDITOR role in the item's unit. The desk
 * itself records NO_RESPONSE for reports that waited too long ({@link #recordMissingResponses()}, run by a recurring
 * task).
 */
@Service
public class PlatformReportManagement {

    private static final Logger log = LoggerFactory.getLogger(PlatformReportManagement.class);

    public static final int MAX_PAGE_SIZE = 100;
    /** How many overdue reports one sweep transaction reads at a time. */
    private static final int SWEEP_BATCH = 200;

    private final PlatformReports reports;
    private final PolicyCatalog catalog;
    private final IntakeManagement intake;
    private final NetworkManagement network;
    private final PublishingManagement publishing;
    private final ArchiveManagement archive;
    private final EvidencePackage evidence;
    private final PlatformReportsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    PlatformReportManagement(
            PlatformReports reports,
            PolicyCatalog catalog,
            IntakeManagement intake,
            NetworkManagement network,
            PublishingManagement publishing,
            ArchiveManagement archive,
            EvidencePackage evidence,
            PlatformReportsProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${factdesk.time-zone:Asia/Ho_Chi_Minh}") String timeZone) {
        this.reports = reports;
        this.catalog = catalog;
        this.intake = intake;
        this.network = network;
        this.publishing = publishing;
        this.archive = archive;
        this.evidence = evidence;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.zone = ZoneId.of(timeZone);
    }

    // --- the policy list ---

    /** The platforms the desk reports to, each with its own policy categories. */
    public List<PlatformPolicies> policies() {
        return catalog.platforms();
    }

    /**
     * The platform of this code and its policies.
     *
     * @throws UnknownPlatform when the desk has no policy list for it (an unknown name, or WEBSITE and OTHER)
     */
    public PlatformPolicies policies(@Nullable String platform) {
        String code = platform == null ? "" : platform.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Platform.values())
                .filter(known -> known.name().equals(code))
                .findFirst()
                .flatMap(catalog::of)
                .orElseThrow(() -> new UnknownPlatform(
                        platform == null ? "" : platform,
                        catalog.platforms().stream()
                                .map(p -> p.platform().name())
                                .collect(Collectors.joining(", "))));
    }

    /** The category a report names, for display; retired ones included. */
    public Optional<PolicyCategory> category(PlatformReport report) {
        return catalog.of(report.platform()).flatMap(p -> p.category(report.policy()));
    }

    /** The day the policy list was last checked against the platforms' pages. */
    public String policiesReviewed() {
        return catalog.reviewed();
    }

    // --- recording ---

    /**
     * Records that {@code actor} reported the item to a platform.
     *
     * @throws UnknownPlatform when the platform has no policy list
     * @throws UnknownPolicyCategory when the platform has no such (current) category
     * @throws EditorRequired unless the actor is an editor of the item's unit
     */
    @Transactional
    public PlatformReport submit(CurrentUser actor, NewPlatformReport command) {
        Item item = intake.get(command.item());
        requireEditor(actor, item.unit());
        PlatformPolicies platform = policies(command.platform());
        String code = command.policy() == null ? "" : command.policy().strip();
        PolicyCategory category = platform.category(code)
                .filter(found -> !found.retired())
                .orElseThrow(() -> new UnknownPolicyCategory(code, platform.name()));
        Instant now = clock.instant();
        PlatformReport report = PlatformReport.submit(
                PlatformReportId.random(),
                item.id(),
                item.unit(),
                platform.platform(),
                category,
                command.reference(),
                command.justification(),
                command.factCheckUrl(),
                actor.id(),
                command.submittedAt() == null ? now : command.submittedAt(),
                now);
        reports.save(report);
        return report;
    }

    /**
     * Records a step of the report: the platform acknowledged it, acted on it, rejected it, or (the editor judges) did
     * not answer.
     *
     * @throws PlatformReportExceptions.IllegalReportTransition when the status does not allow it
     * @throws PlatformReportExceptions.StepBeforeSubmission when dated before the submission
     * @throws PlatformReportExceptions.StepBeforePreviousStep when dated before the previous step
     * @throws EditorRequired unless the actor is an editor of the report's unit
     */
    @Transactional
    public PlatformReport move(CurrentUser actor, PlatformReportId id, StatusChange change) {
        PlatformReport report = get(id);
        requireEditor(actor, report.unit());
        Instant now = clock.instant();
        Instant at = change.at() == null ? now : change.at();
        if (change.action() != null && change.status() != ReportStatus.ACTIONED) {
            throw new InvalidReportInput("platformreports.error.action-only-when-actioned");
        }
        switch (change.status()) {
            case ACKNOWLEDGED -> report.acknowledge(at, change.note(), actor.id(), now);
            case ACTIONED -> report.actioned(change.action(), at, change.note(), actor.id(), now);
            case REJECTED -> report.rejected(at, change.note(), actor.id(), now);
            case NO_RESPONSE -> report.noResponse(at, change.note(), actor.id(), now);
            case SUBMITTED ->
                throw new PlatformReportExceptions.IllegalReportTransition(report.status(), ReportStatus.SUBMITTED);
        }
        reports.save(report);
        return report;
    }

    /**
     * Records NO_RESPONSE for every report whose last step is older than the configured number of days, dated at the
     * deadline (so the time to outcome does not depend on when the sweep ran), with no user and a system note. Each
     * report is moved in its own transaction; one an editor changes at the same moment is left to the next sweep.
     *
     * @return how many reports were moved
     */
    public int recordMissingResponses() {
        Instant now = clock.instant();
        int moved = 0;
        Set<PlatformReportId> seen = new HashSet<>();
        List<PlatformReportId> due;
        do {
            due = reports.waitingSince(now.minus(properties.noResponseWait()), SWEEP_BATCH);
            for (PlatformReportId id : due) {
                if (!seen.add(id)) {
                    continue;
                }
                try {
                    Boolean done = transactions.execute(status -> recordMissingResponse(id, now));
                    moved += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (ConcurrentReportChange raced) {
                    log.debug("Report {} changed during the NO_RESPONSE sweep; left to the next one", id);
                }
            }
        } while (due.size() == SWEEP_BATCH && !seen.containsAll(due));
        return moved;
    }

    private boolean recordMissingResponse(PlatformReportId id, Instant now) {
        PlatformReport report = reports.find(id).orElse(null);
        if (report == null) {
            return false;
        }
        Optional<Instant> deadline = report.noResponseDeadline(properties.noResponseWait());
        if (deadline.isEmpty() || deadline.get().isAfter(now)) {
            return false;
        }
        report.noResponse(deadline.get(), systemNote(properties.noResponseAfter()), null, now);
        reports.save(report);
        return true;
    }

    /** The note of an automatic NO_RESPONSE, in both languages: it is read in the package as well as on pages. */
    static String systemNote(int days) {
        return "Tự động: nền tảng không trả lời sau " + days + " ngày. / Automatic: no answer from the platform after "
                + days + " days.";
    }

    // --- reading ---

    /** @throws ReportNotFound when there is no such report */
    @Transactional(readOnly = true)
    public PlatformReport get(PlatformReportId id) {
        return reports.find(id).orElseThrow(() -> new ReportNotFound(id));
    }

    /** The item's reports, the newest submission first. */
    @Transactional(readOnly = true)
    public List<PlatformReport> ofItem(ItemId item) {
        return reports.ofItem(item);
    }

    /** One page of reports matching the filters, the newest submission first. */
    @Transactional(readOnly = true)
    public PageOf<ReportSummary> find(ReportQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidReportInput("platformreports.error.page", MAX_PAGE_SIZE);
        }
        PageOf<PlatformReports.ReportRow> rows = reports.page(query, start(query.from()), end(query.to()), page, size);
        Map<ItemId, String> headlines = headlines(
                rows.content().stream().map(PlatformReports.ReportRow::item).toList());
        return rows.map(row -> summary(row, headlines));
    }

    /**
     * Figures per platform for the filters (the status filter aside: figures count every status), platforms in the
     * order of {@link Platform}, only those with reports.
     */
    @Transactional(readOnly = true)
    public List<PlatformFigures> figures(ReportQuery query) {
        ReportQuery all = query.anyStatus();
        Map<Platform, List<ReportSummary>> byPlatform = new EnumMap<>(Platform.class);
        for (PlatformReports.ReportRow row : reports.all(all, start(all.from()), end(all.to()))) {
            byPlatform.computeIfAbsent(row.platform(), p -> new ArrayList<>()).add(summary(row, Map.of()));
        }
        return byPlatform.entrySet().stream()
                .map(entry -> PlatformFigures.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Whether the actor may record reports on the item and steps on its reports. */
    public boolean canReport(CurrentUser actor, UnitId unit) {
        return actor.hasRole(unit, Role.EDITOR);
    }

    /**
     * The published fact-check of the item's case, which a report's justification cites: in the item's language when
     * the case has several. Empty when the item is in no case, or its case has no published fact-check (a withdrawn
     * one is not offered).
     */
    @Transactional(readOnly = true)
    public Optional<CitableFactCheck> factCheckFor(CurrentUser actor, ItemId itemId) {
        return publishedFactCheck(actor, intake.get(itemId))
                .map(factCheck -> new CitableFactCheck(
                        factCheck.article().headline(),
                        publishing.url(factCheck),
                        factCheck.rating(),
                        factCheck.publishedAt() == null ? factCheck.updatedAt() : factCheck.publishedAt()));
    }

    /** A published fact-check as a report cites it. */
    public record CitableFactCheck(String headline, String url, Rating rating, Instant publishedAt) {}

    private Optional<FactCheck> publishedFactCheck(CurrentUser actor, Item item) {
        if (item.caseId() == null) {
            return Optional.empty();
        }
        List<FactCheckSummary> ofCase;
        try {
            ofCase = publishing.ofCase(actor, item.caseId());
        } catch (DomainException unreadable) {
            return Optional.empty(); // a case still in the works, of another unit: it has nothing published
        }
        return ofCase.stream()
                .filter(summary -> summary.state() == FactCheckState.PUBLISHED)
                .min(Comparator.comparing((FactCheckSummary summary) -> summary.language() != item.language())
                        .thenComparing(FactCheckSummary::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .flatMap(summary -> publishing.publicPage(summary.slug()));
    }

    /** Display names of the people who recorded the report and its steps. */
    @Transactional(readOnly = true)
    public Map<UserId, String> names(PlatformReport report) {
        Set<UserId> ids = new HashSet<>();
        ids.add(report.submittedBy());
        report.steps().stream()
                .map(ReportStep::recordedBy)
                .filter(java.util.Objects::nonNull)
                .forEach(ids::add);
        return network.displayNames(ids);
    }

    /**
     * Writes the report's evidence package, a ZIP, to {@code out}: the archived snapshots of the item with their
     * capture metadata, the item, the report and its timeline as JSON, the published fact-check, a one-page PDF
     * summary in {@code locale}, and SHA256SUMS, a manifest that {@code sha256sum -c} verifies. Snapshot bodies are
     * streamed from the archive, never held whole in memory. The caller closes {@code out}.
     */
    public void writeEvidencePackage(CurrentUser actor, PlatformReportId id, Locale locale, OutputStream out)
            throws IOException {
        PlatformReport report = get(id);
        Item item = intake.get(report.item());
        EvidencePackage.Contents contents = new EvidencePackage.Contents(
                report,
                category(report)
                        .orElseThrow(() -> new UnknownPolicyCategory(
                                report.policy(), report.platform().name())),
                catalog.of(report.platform())
                        .map(PlatformPolicies::name)
                        .orElse(report.platform().name()),
                item,
                network.findUnit(report.unit()).map(Unit::name).orElse(""),
                names(report),
                archive.snapshotsOf(item.id()),
                publishedFactCheck(actor, item).orElse(null),
                clock.instant(),
                locale,
                zone);
        evidence.write(contents, out);
    }

    private Map<ItemId, String> headlines(Collection<ItemId> ids) {
        return intake.findAll(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Item::id, Item::headline, (a, b) -> a));
    }

    private static ReportSummary summary(PlatformReports.ReportRow row, Map<ItemId, String> headlines) {
        return new ReportSummary(
                row.id(),
                row.item(),
                headlines.getOrDefault(row.item(), row.item().toString()),
                row.unit(),
                row.platform(),
                row.policy(),
                row.reference(),
                row.status(),
                row.action(),
                row.submittedAt(),
                row.outcomeAt());
    }

    private @Nullable Instant start(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private @Nullable Instant end(@Nullable LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private void requireEditor(CurrentUser actor, UnitId unit) {
        if (!canReport(actor, unit)) {
            throw new EditorRequired();
        }
    }
}
