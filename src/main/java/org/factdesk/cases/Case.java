package org.factdesk.cases;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.factdesk.cases.CaseExceptions.IllegalCaseTransition;
import org.factdesk.cases.CaseExceptions.InvalidCaseInput;
import org.factdesk.cases.CaseExceptions.SelfApprovalRefused;
import org.factdesk.cases.CaseExceptions.VerdictWithoutEvidence;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The work on one or more claims, from opening to a published verdict or a closure. Every change goes through a
 * transition method that checks the workflow rule (see {@link CaseAction}), appends a {@link HistoryEntry} and
 * registers an event; the {@code Cases} repository saves the changes and publishes the events in one transaction.
 *
 * <p>Roles are not checked here: the aggregate knows who acts, not what they may do in which unit. That is
 * {@link CaseManagement}'s job. The four-eyes rule is the exception, since it concerns only people named in the case.
 */
public class Case {

    public static final int MAX_TITLE = 200;
    public static final int MAX_CLAIMS = 10;
    public static final int MAX_CLAIM = 1000;
    public static final int MAX_ITEMS = 50;
    public static final int MAX_TOPICS = 10;
    public static final int MAX_TOPIC = 60;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_EVIDENCE_NOTE = 4000;
    public static final int MAX_COMMENT = 4000;
    public static final int MAX_URL = 2000;
    public static final int MAX_EVIDENCE_TITLE = 300;
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 4;

    private static final Pattern TOPIC_SPACES = Pattern.compile("[\\s_]+");
    private static final Pattern TOPIC = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\-]*");

    private final CaseId id;
    private final UnitId unit;
    private final String title;
    private final UserId openedBy;
    private final Instant openedAt;
    private final List<Claim> claims;
    private final List<ItemId> items;
    private CaseState state;
    private @Nullable Integer priority;
    private List<String> topics;
    private @Nullable UserId assignee;
    private @Nullable Verdict verdict;
    private @Nullable Closure closure;
    private Instant updatedAt;
    private long version;

    // Evidence, comments and history only grow; the repository inserts what lies beyond the saved counts.
    private final List<Evidence> evidence;
    private final List<Comment> comments;
    private final List<HistoryEntry> history;
    private int savedEvidence;
    private int savedComments;
    private int savedHistory;
    private final List<Object> events = new ArrayList<>();

    /** Rebuilds a stored case; {@code version} is the stored version (at least 1). */
    Case(
            CaseId id,
            UnitId unit,
            String title,
            UserId openedBy,
            Instant openedAt,
            List<Claim> claims,
            List<ItemId> items,
            CaseState state,
            @Nullable Integer priority,
            List<String> topics,
            @Nullable UserId assignee,
            @Nullable Verdict verdict,
            @Nullable Closure closure,
            Instant updatedAt,
            long version,
            List<Evidence> evidence,
            List<Comment> comments,
            List<HistoryEntry> history) {
        this.id = id;
        this.unit = unit;
        this.title = title;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.claims = List.copyOf(claims);
        this.items = List.copyOf(items);
        this.state = state;
        this.priority = priority;
        this.topics = List.copyOf(topics);
        this.assignee = assignee;
        this.verdict = verdict;
        this.closure = closure;
        this.updatedAt = updatedAt;
        this.version = version;
        this.evidence = new ArrayList<>(evidence);
        this.comments = new ArrayList<>(comments);
        this.history = new ArrayList<>(history);
        this.savedEvidence = evidence.size();
        this.savedComments = comments.size();
        this.savedHistory = history.size();
    }

    /**
     * Opens a case in state NEW from items seen in the wild, with the claims to check.
     *
     * @throws InvalidCaseInput when the title or a claim is blank or too long, or there are no items or claims
     */
    static Case open(
            CaseId id, UnitId unit, String title, List<NewClaim> claims, List<ItemId> items, UserId by, Instant at) {
        String cleanTitle = required(title, MAX_TITLE, "cases.error.title-required", "cases.error.title-too-long");
        List<NewClaim> givenClaims = claims.stream()
                .filter(claim -> claim.text() != null && !claim.text().isBlank())
                .toList();
        if (givenClaims.isEmpty()) {
            throw new InvalidCaseInput("cases.error.claim-required");
        }
        if (givenClaims.size() > MAX_CLAIMS) {
            throw new InvalidCaseInput("cases.error.too-many-claims", MAX_CLAIMS);
        }
        List<Claim> written = givenClaims.stream()
                .map(claim -> {
                    String text = required(
                            claim.text(), MAX_CLAIM, "cases.error.claim-required", "cases.error.claim-too-long");
                    Language language = claim.language() != null
                            ? claim.language()
                            : Objects.requireNonNullElse(Language.detect(text), Language.VI);
                    return new Claim(ClaimId.random(), text, language);
                })
                .toList();
        List<ItemId> distinctItems = List.copyOf(new LinkedHashSet<>(items));
        if (distinctItems.isEmpty()) {
            throw new InvalidCaseInput("cases.error.item-required");
        }
        if (distinctItems.size() > MAX_ITEMS) {
            throw new InvalidCaseInput("cases.error.too-many-items", MAX_ITEMS);
        }
        Case kase = new Case(
                id,
                unit,
                cleanTitle,
                by,
                at,
                written,
                distinctItems,
                CaseState.NEW,
                null,
                List.of(),
                null,
                null,
                null,
                at,
                0,
                List.of(),
                List.of(),
                List.of());
        kase.record(CaseAction.OPEN, null, by, at, null, null, null);
        kase.events.add(new CaseOpened(id, unit, cleanTitle, written.size(), distinctItems, by, at));
        return kase;
    }

    // --- transitions ---

    /** NEW → TRIAGED: sets how urgent the case is (1 most, 4 least) and what it is about. */
    void triage(int newPriority, Collection<String> newTopics, UserId by, Instant at) {
        require(CaseAction.TRIAGE);
        if (newPriority < MIN_PRIORITY || newPriority > MAX_PRIORITY) {
            throw new InvalidCaseInput("cases.error.priority-range", MIN_PRIORITY, MAX_PRIORITY);
        }
        List<String> cleanTopics = normalizeTopics(newTopics);
        CaseState from = state;
        priority = newPriority;
        topics = cleanTopics;
        state = CaseState.TRIAGED;
        record(CaseAction.TRIAGE, from, by, at, null, newPriority + " · " + String.join(", ", cleanTopics), null);
        events.add(new CaseTriaged(id, unit, newPriority, cleanTopics, by, at));
    }

    /**
     * TRIAGED → IN_VERIFICATION, or a new assignee while in verification. Assigning the current assignee again
     * changes nothing. Whether the assignee is a checker of the unit is for the caller to check.
     */
    void assign(UserId newAssignee, UserId by, Instant at) {
        require(CaseAction.ASSIGN);
        if (newAssignee.equals(assignee) && state == CaseState.IN_VERIFICATION) {
            return;
        }
        CaseState from = state;
        UserId previous = assignee;
        assignee = newAssignee;
        state = CaseState.IN_VERIFICATION;
        record(CaseAction.ASSIGN, from, by, at, newAssignee, null, null);
        events.add(new CaseAssigned(id, unit, newAssignee, previous, by, at));
    }

    /**
     * Whether evidence may be added now: before review. Checked before an upload is stored, so that a refused case
     * costs no disk space.
     */
    void requireOpenForEvidence() {
        require(CaseAction.ADD_EVIDENCE);
    }

    /** Adds a link, a note or a stored file. Evidence is frozen while a verdict is in review. */
    Evidence addEvidence(NewEvidence draft, UserId by, Instant at) {
        require(CaseAction.ADD_EVIDENCE);
        Evidence added;
        if (draft instanceof NewEvidence.Link link) {
            added = new Evidence(
                    EvidenceId.random(),
                    EvidenceKind.LINK,
                    link(link.url()),
                    required(
                            link.title(),
                            MAX_EVIDENCE_TITLE,
                            "cases.error.evidence-title-required",
                            "cases.error.evidence-title-too-long"),
                    optional(link.summary(), MAX_SUMMARY, "cases.error.summary-too-long"),
                    null,
                    by,
                    at);
        } else if (draft instanceof NewEvidence.Note note) {
            added = new Evidence(
                    EvidenceId.random(),
                    EvidenceKind.NOTE,
                    null,
                    null,
                    required(
                            note.text(),
                            MAX_EVIDENCE_NOTE,
                            "cases.error.evidence-note-required",
                            "cases.error.evidence-note-too-long"),
                    null,
                    by,
                    at);
        } else {
            NewEvidence.File file = (NewEvidence.File) draft;
            String fileTitle = optional(file.title(), MAX_EVIDENCE_TITLE, "cases.error.evidence-title-too-long");
            added = new Evidence(
                    EvidenceId.random(),
                    EvidenceKind.FILE,
                    null,
                    fileTitle != null ? fileTitle : file.file().name(),
                    optional(file.summary(), MAX_SUMMARY, "cases.error.summary-too-long"),
                    file.file(),
                    by,
                    at);
        }
        evidence.add(added);
        updatedAt = at;
        events.add(new EvidenceAdded(
                id,
                unit,
                added.id(),
                added.kind(),
                added.url(),
                added.file() == null ? null : added.file().sha256(),
                by,
                at));
        return added;
    }

    /** Adds a remark; a finished case takes no more comments. */
    Comment comment(String text, UserId by, Instant at) {
        require(CaseAction.COMMENT);
        Comment added = new Comment(
                CommentId.random(),
                by,
                required(text, MAX_COMMENT, "cases.error.comment-required", "cases.error.comment-too-long"),
                at);
        comments.add(added);
        updatedAt = at;
        events.add(new CommentAdded(id, unit, added.id(), by, at));
        return added;
    }

    /**
     * IN_VERIFICATION → IN_REVIEW with a rating and a one-paragraph summary.
     *
     * @throws VerdictWithoutEvidence when the case has no evidence yet
     */
    void proposeVerdict(Rating rating, String summary, UserId by, Instant at) {
        require(CaseAction.PROPOSE_VERDICT);
        if (evidence.isEmpty()) {
            throw new VerdictWithoutEvidence();
        }
        String cleanSummary =
                required(summary, MAX_SUMMARY, "cases.error.summary-required", "cases.error.summary-too-long");
        CaseState from = state;
        verdict = new Verdict(rating, cleanSummary, by, at, null, null);
        state = CaseState.IN_REVIEW;
        record(CaseAction.PROPOSE_VERDICT, from, by, at, null, rating.name(), null);
        events.add(new VerdictProposed(id, unit, rating, by, at));
    }

    /**
     * IN_REVIEW → PUBLISHED. Whether the approver is an editor is for the caller to check.
     *
     * @throws SelfApprovalRefused when the approver proposed the verdict (four-eyes rule)
     */
    void approve(UserId by, Instant at) {
        require(CaseAction.APPROVE);
        Verdict proposed = Objects.requireNonNull(verdict, "a case in review has a verdict");
        if (proposed.proposedBy().equals(by)) {
            throw new SelfApprovalRefused();
        }
        CaseState from = state;
        verdict = proposed.approve(by, at);
        state = CaseState.PUBLISHED;
        record(
                CaseAction.APPROVE,
                from,
                by,
                at,
                proposed.proposedBy(),
                proposed.rating().name(),
                null);
        events.add(new VerdictApproved(
                id, unit, proposed.rating(), topics, items, proposed.proposedBy(), by, openedAt, at));
    }

    /** IN_REVIEW → IN_VERIFICATION, with a note that says what to fix. The proposal stays as a draft. */
    void sendBack(String note, UserId by, Instant at) {
        require(CaseAction.SEND_BACK);
        String cleanNote = required(note, MAX_NOTE, "cases.error.note-required", "cases.error.note-too-long");
        Verdict proposed = Objects.requireNonNull(verdict, "a case in review has a verdict");
        CaseState from = state;
        state = CaseState.IN_VERIFICATION;
        record(
                CaseAction.SEND_BACK,
                from,
                by,
                at,
                proposed.proposedBy(),
                proposed.rating().name(),
                cleanNote);
        events.add(new VerdictSentBack(id, unit, proposed.rating(), proposed.proposedBy(), by, at));
    }

    /** Any state that is not final → CLOSED, with a reason; a duplicate must say what it duplicates. */
    void close(CloseReason reason, @Nullable String note, UserId by, Instant at) {
        require(CaseAction.CLOSE);
        String cleanNote = optional(note, MAX_NOTE, "cases.error.note-too-long");
        if (reason.needsNote() && cleanNote == null) {
            throw new InvalidCaseInput("cases.error.duplicate-needs-note");
        }
        CaseState from = state;
        closure = new Closure(reason, cleanNote, by, at);
        state = CaseState.CLOSED;
        record(CaseAction.CLOSE, from, by, at, null, reason.name(), cleanNote);
        events.add(new CaseClosed(id, unit, reason, from, topics, items, by, openedAt, at));
    }

    /**
     * Records a step of the case's public fact-check (published, corrected, withdrawn) in its history. Only a
     * PUBLISHED case has a fact-check; the step changes nothing else and raises no case event (publishing raises
     * its own).
     *
     * @param detail what the step was about (the fact-check's headline), cut to fit the history
     * @param note why (the correction's reason, the withdrawal's reason), if any
     */
    void recordFactCheckStep(CaseAction action, String detail, @Nullable String note, UserId by, Instant at) {
        if (!CaseAction.FACT_CHECK_STEPS.contains(action)) {
            throw new IllegalArgumentException(action + " is not a fact-check step");
        }
        if (state != CaseState.PUBLISHED) {
            throw new IllegalCaseTransition(action, state);
        }
        String cleanDetail = detail.strip();
        if (cleanDetail.length() > 700) {
            cleanDetail = cleanDetail.substring(0, 699) + "…";
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            cleanNote = cleanNote.substring(0, MAX_NOTE - 1) + "…";
        }
        record(action, state, by, at, null, cleanDetail, cleanNote);
    }

    // --- reading ---

    public CaseId id() {
        return id;
    }

    public UnitId unit() {
        return unit;
    }

    public String title() {
        return title;
    }

    public UserId openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<Claim> claims() {
        return claims;
    }

    public List<ItemId> items() {
        return items;
    }

    public CaseState state() {
        return state;
    }

    public @Nullable Integer priority() {
        return priority;
    }

    public List<String> topics() {
        return topics;
    }

    public @Nullable UserId assignee() {
        return assignee;
    }

    public @Nullable Verdict verdict() {
        return verdict;
    }

    public @Nullable Closure closure() {
        return closure;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    /** Whether the case's state allows {@code action} (roles aside). */
    public boolean allows(CaseAction action) {
        return action.allowedIn(state);
    }

    /** Everyone named in the case (opener, assignee, authors, reviewers), to look their names up at once. */
    public Set<UserId> people() {
        Set<UserId> people = new LinkedHashSet<>();
        people.add(openedBy);
        if (assignee != null) {
            people.add(assignee);
        }
        if (verdict != null) {
            people.add(verdict.proposedBy());
            if (verdict.approvedBy() != null) {
                people.add(verdict.approvedBy());
            }
        }
        if (closure != null) {
            people.add(closure.closedBy());
        }
        evidence.forEach(added -> people.add(added.addedBy()));
        comments.forEach(comment -> people.add(comment.author()));
        history.forEach(entry -> {
            people.add(entry.actor());
            if (entry.subject() != null) {
                people.add(entry.subject());
            }
        });
        return people;
    }

    public Evidence evidence(EvidenceId evidenceId) {
        return evidence.stream()
                .filter(added -> added.id().equals(evidenceId))
                .findFirst()
                .orElseThrow(() -> new CaseExceptions.EvidenceNotFound(evidenceId));
    }

    // --- for the repository ---

    boolean isNew() {
        return version == 0;
    }

    List<Evidence> unsavedEvidence() {
        return List.copyOf(evidence.subList(savedEvidence, evidence.size()));
    }

    List<Comment> unsavedComments() {
        return List.copyOf(comments.subList(savedComments, comments.size()));
    }

    List<HistoryEntry> unsavedHistory() {
        return List.copyOf(history.subList(savedHistory, history.size()));
    }

    int savedEvidenceCount() {
        return savedEvidence;
    }

    int savedCommentCount() {
        return savedComments;
    }

    int savedHistoryCount() {
        return savedHistory;
    }

    List<Object> events() {
        return List.copyOf(events);
    }

    /** After a successful save: everything is stored, the events are published, the version moved on. */
    void saved(long newVersion) {
        version = newVersion;
        savedEvidence = evidence.size();
        savedComments = comments.size();
        savedHistory = history.size();
        events.clear();
    }

    // --- helpers ---

    private void require(CaseAction action) {
        if (!action.allowedIn(state)) {
            throw new IllegalCaseTransition(action, state);
        }
    }

    private void record(
            CaseAction action,
            @Nullable CaseState from,
            UserId by,
            Instant at,
            @Nullable UserId subject,
            @Nullable String detail,
            @Nullable String note) {
        history.add(new HistoryEntry(action, from, state, by, at, subject, detail, note));
        updatedAt = at;
    }

    private static String required(@Nullable String text, int max, String missingKey, String tooLongKey) {
        if (text == null || text.isBlank()) {
            throw new InvalidCaseInput(missingKey);
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw new InvalidCaseInput(tooLongKey, max);
        }
        return clean;
    }

    private static @Nullable String optional(@Nullable String text, int max, String tooLongKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw new InvalidCaseInput(tooLongKey, max);
        }
        return clean;
    }

    private static String link(@Nullable String url) {
        String clean = required(url, MAX_URL, "cases.error.link-required", "cases.error.link-too-long");
        try {
            URI uri = new URI(clean);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidCaseInput("cases.error.link-invalid");
            }
            return clean;
        } catch (URISyntaxException e) {
            throw new InvalidCaseInput("cases.error.link-invalid");
        }
    }

    /**
     * Topic tags as stored: lower case, words joined by hyphens ("Covid 19" → "covid-19"), letters of any script,
     * digits and hyphens only, no duplicates, at least one.
     */
    static List<String> normalizeTopics(Collection<String> topics) {
        Set<String> clean = new LinkedHashSet<>();
        for (String topic : topics) {
            if (topic == null || topic.isBlank()) {
                continue;
            }
            String tag =
                    TOPIC_SPACES.matcher(topic.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
            if (tag.length() > MAX_TOPIC) {
                throw new InvalidCaseInput("cases.error.topic-too-long", MAX_TOPIC);
            }
            if (!TOPIC.matcher(tag).matches()) {
                throw new InvalidCaseInput("cases.error.topic-invalid", topic.strip());
            }
            clean.add(tag);
        }
        if (clean.isEmpty()) {
            throw new InvalidCaseInput("cases.error.topic-required");
        }
        if (clean.size() > MAX_TOPICS) {
            throw new InvalidCaseInput("cases.error.too-many-topics", MAX_TOPICS);
        }
        return List.copyOf(clean);
    }

    @Override
    public String toString() {
        return "Case[" + id + ", " + state + "]";
    }
}
