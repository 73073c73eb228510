package org.factdesk.platformreports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.factdesk.platformreports.PlatformReportExceptions.DatedInFuture;
import org.factdesk.platformreports.PlatformReportExceptions.IllegalReportTransition;
import org.factdesk.platformreports.PlatformReportExceptions.InvalidReportInput;
import org.factdesk.platformreports.PlatformReportExceptions.StepBeforePreviousStep;
import org.factdesk.platformreports.PlatformReportExceptions.StepBeforeSubmission;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A report of an item to the platform that hosts it, under one of that platform's own policy categories, and what
 * became of it. The editor who sends the report records it with the date it was sent; each answer of the platform is
 * a step with its own date. Dates are what happened, not when the desk typed them, so they are checked: none may be
 * in the future beyond clock skew, none before the submission, none before the step it follows.
 *
 * <p>The time to outcome runs from the submission to the date of the outcome (ACTIONED, REJECTED, or NO_RESPONSE,
 * which the desk records by itself at the deadline). A late answer after NO_RESPONSE replaces that outcome; its date
 * is checked against the last step the platform or the editor took, since the automatic one only marks a deadline.
 *
 * <p>Roles are not checked here ({@link PlatformReportManagement} does); the policy category was resolved against the
 * maintained list before. Each step registers its event; the repository publishes them with the save.
 */
public class PlatformReport {

    public static final int MAX_JUSTIFICATION = 5000;
    public static final int MAX_REFERENCE = 200;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_URL = 2048;

    /** How far in the future a date may lie: the editor's clock and time zone may differ from the server's. */
    static final Duration CLOCK_SKEW = Duration.ofHours(12);

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|\\uFFFD");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);

    private final PlatformReportId id;
    private final ItemId item;
    private final UnitId unit;
    private final Platform platform;
    private final String policy;
    private final @Nullable String reference;
    private final String justification;
    private final @Nullable String factCheckUrl;
    private final UserId submittedBy;
    private final Instant submittedAt;
    private final Instant recordedAt;
    private final List<ReportStep> steps;
    private long version;
    private final List<Object> events = new ArrayList<>();

    PlatformReport(
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
            Instant recordedAt,
            List<ReportStep> steps,
            long version) {
        if (steps.isEmpty() || steps.get(0).status() != ReportStatus.SUBMITTED) {
            throw new IllegalArgumentException("A report's timeline starts with its submission");
        }
        this.id = id;
        this.item = item;
        this.unit = unit;
        this.platform = platform;
        this.policy = policy;
        this.reference = reference;
        this.justification = justification;
        this.factCheckUrl = factCheckUrl;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.recordedAt = recordedAt;
        this.steps = new ArrayList<>(steps);
        this.version = version;
    }

    /**
     * A report sent at {@code submittedAt} by {@code by}. The justification is required: it is what the platform read,
     * and it cites the published fact-check or the evidence.
     *
     * @throws InvalidReportInput when the justification is blank or a field too long
     * @throws DatedInFuture when the submission is dated in the future
     */
    static PlatformReport submit(
            PlatformReportId id,
            ItemId item,
            UnitId unit,
            Platform platform,
            PolicyCategory policy,
            @Nullable String reference,
            @Nullable String justification,
            @Nullable String factCheckUrl,
            UserId by,
            Instant submittedAt,
            Instant now) {
        String text = clean(justification);
        if (text == null) {
            throw new InvalidReportInput("platformreports.error.justification-required");
        }
        if (text.length() > MAX_JUSTIFICATION) {
            throw new InvalidReportInput("platformreports.error.justification-too-long", MAX_JUSTIFICATION);
        }
        String ticket = clean(reference);
        if (ticket != null && ticket.length() > MAX_REFERENCE) {
            throw new InvalidReportInput("platformreports.error.reference-too-long", MAX_REFERENCE);
        }
        String cited = clean(factCheckUrl);
        if (cited != null
                && (cited.length() > MAX_URL || !WEB_ADDRESS.matcher(cited).matches())) {
            throw new InvalidReportInput("platformreports.error.fact-check-url");
        }
        notInFuture(submittedAt, now);
        PlatformReport report = new PlatformReport(
                id,
                item,
                unit,
                platform,
                policy.code(),
                ticket,
                text,
                cited,
                by,
                submittedAt,
                now,
                List.of(new ReportStep(ReportStatus.SUBMITTED, null, submittedAt, null, by, now)),
                0);
        report.events.add(new PlatformReportSubmitted(id, item, unit, platform, policy.code(), submittedAt));
        return report;
    }

    // --- steps ---

    /** SUBMITTED → ACKNOWLEDGED: the platform confirmed receipt (an automatic answer counts). */
    void acknowledge(Instant at, @Nullable String note, UserId by, Instant now) {
        ReportStep step = step(ReportStatus.ACKNOWLEDGED, null, at, note, by, now);
        steps.add(step);
        events.add(new PlatformReportAcknowledged(id, platform, step.at()));
    }

    /** → ACTIONED: the platform removed, labelled, reduced the reach of the post, or restricted the account. */
    void actioned(@Nullable ActionTaken action, Instant at, @Nullable String note, UserId by, Instant now) {
        if (action == null) {
            throw new InvalidReportInput("platformreports.error.action-required");
        }
        resolve(step(ReportStatus.ACTIONED, action, at, note, by, now));
    }

    /** → REJECTED: the platform found no breach of its policy. */
    void rejected(Instant at, @Nullable String note, UserId by, Instant now) {
        resolve(step(ReportStatus.REJECTED, null, at, note, by, now));
    }

    /**
     * → NO_RESPONSE: the platform gave no outcome. An editor may record it; the desk records it by itself ({@code by}
     * empty) at the deadline.
     */
    void noResponse(Instant at, @Nullable String note, @Nullable UserId by, Instant now) {
        resolve(step(ReportStatus.NO_RESPONSE, null, at, note, by, now));
    }

    /** When the desk should record NO_RESPONSE: {@code wait} after the last step, while the report still waits. */
    public Optional<Instant> noResponseDeadline(Duration wait) {
        return status().isWaiting() ? Optional.of(lastStep().at().plus(wait)) : Optional.empty();
    }

    private void resolve(ReportStep step) {
        steps.add(step);
        events.add(new PlatformReportResolved(
                id,
                item,
                unit,
                platform,
                step.status(),
                step.action(),
                step.at(),
                Duration.between(submittedAt, step.at())));
    }

    private ReportStep step(
            ReportStatus target,
            @Nullable ActionTaken action,
            Instant at,
            @Nullable String note,
            @Nullable UserId by,
            Instant now) {
        ReportStatus current = status();
        if (!current.canMoveTo(target)) {
            throw new IllegalReportTransition(current, target);
        }
        String text = clean(note);
        if (text != null && text.length() > MAX_NOTE) {
            throw new InvalidReportInput("platformreports.error.note-too-long", MAX_NOTE);
        }
        notInFuture(at, now);
        if (at.isBefore(submittedAt)) {
            throw new StepBeforeSubmission();
        }
        ReportStep previous = previousForDating();
        if (at.isBefore(previous.at())) {
            throw new StepBeforePreviousStep(previous.status());
        }
        return new ReportStep(target, action, at, text, by, now);
    }

    /** The step a new one must not precede: the last one, unless that is the desk's own NO_RESPONSE. */
    private ReportStep previousForDating() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            ReportStep step = steps.get(i);
            if (!(step.automatic() && step.status() == ReportStatus.NO_RESPONSE)) {
                return step;
            }
        }
        return steps.get(0);
    }

    private static void notInFuture(Instant at, Instant now) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new DatedInFuture();
        }
    }

    /** Control characters other than tab and line breaks removed; blank becomes null. */
    private static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String cleaned = CONTROL_CHARACTERS.matcher(value).replaceAll("").replace("\r\n", "\n");
        return cleaned.isBlank() ? null : cleaned.strip();
    }

    // --- reading ---

    public PlatformReportId id() {
        return id;
    }

    public ItemId item() {
        return item;
    }

    public UnitId unit() {
        return unit;
    }

    public Platform platform() {
        return platform;
    }

    /** The code of the platform's policy category; see {@link PlatformPolicies#category(String)}. */
    public String policy() {
        return policy;
    }

    /** The platform's reference or ticket number, when it gave one. */
    public @Nullable String reference() {
        return reference;
    }

    public String justification() {
        return justification;
    }

    public @Nullable String factCheckUrl() {
        return factCheckUrl;
    }

    /** The editor who sent the report (and recorded it). */
    public UserId submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The timeline, oldest first; the first step is the submission. */
    public List<ReportStep> steps() {
        return List.copyOf(steps);
    }

    public ReportStep lastStep() {
        return steps.get(steps.size() - 1);
    }

    public ReportStatus status() {
        return lastStep().status();
    }

    /** What the platform did, when the report was ACTIONED. */
    public @Nullable ActionTaken action() {
        return lastStep().action();
    }

    /** The date of the outcome, once there is one. */
    public Optional<Instant> outcomeAt() {
        return status().isOutcome() ? Optional.of(lastStep().at()) : Optional.empty();
    }

    /** From the submission to the outcome; empty while the report waits. */
    public Optional<Duration> timeToOutcome() {
        return outcomeAt().map(at -> Duration.between(submittedAt, at));
    }

    /** {@link #timeToOutcome()} in days, with fractions (36 hours is 1.5). */
    public Optional<Double> daysToOutcome() {
        return timeToOutcome().map(PlatformReport::days);
    }

    static double days(Duration duration) {
        return duration.toMinutes() / (24.0 * 60);
    }

    public long version() {
        return version;
    }

    // --- for the repository ---

    boolean isNew() {
        return version == 0;
    }

    List<Object> events() {
        return List.copyOf(events);
    }

    void saved(long newVersion) {
        version = newVersion;
        events.clear();
    }
}
